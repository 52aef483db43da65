// GET /sim/calls/events over real sockets: the stream the stand-in WWE desktop follows the calls by.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../index';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ cometdTimeoutMs: 2_000 });
});
afterAll(async () => sim.close());
beforeEach(async () => {
  await fetch(`${sim.gwsUrl}/sim/reset`, { method: 'POST' });
});

interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

/** Reads the stream as a browser's EventSource would, one event per blank-line-terminated block. */
async function follow() {
  const abort = new AbortController();
  const response = await fetch(`${sim.gwsUrl}/sim/calls/events`, { signal: abort.signal });
  const events: SseEvent[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) =>
            block
              .split('\n')
              .find((line) => line.startsWith(`${name}: `))
              ?.slice(name.length + 2);
          const data = field('data');
          if (data !== undefined) events.push({ event: field('event') ?? 'message', data: JSON.parse(data) });
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  const until = async (count: number) => {
    for (let i = 0; i < 500 && events.length < count; i++) await new Promise((r) => setTimeout(r, 10));
    expect(events.length).toBeGreaterThanOrEqual(count);
  };
  return {
    response,
    events,
    until,
    close: async () => {
      abort.abort();
      await pump;
    },
  };
}

const control = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${sim.gwsUrl}/sim${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
  return (await response.json()) as Record<string, unknown>;
};

const streams = async () => (await control('GET', '/stats')).callEventStreams;

describe('GET /sim/calls/events', () => {
  it('starts with the calls in progress, as an event-stream', async () => {
    const placed = await control('POST', '/calls', { ani: '+14155550100', userData: { DTMF: '4567' } });
    const stream = await follow();
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.response.headers.get('cache-control')).toBe('no-store');
    await stream.until(1);
    expect(stream.events[0]).toEqual({
      event: 'calls',
      data: { calls: [expect.objectContaining({ id: placed.id, state: 'Ringing', ani: '+14155550100' })] },
    });
    await stream.close();
  });

  it('sends one call event per change, in order, with the call resource', async () => {
    const stream = await follow();
    await stream.until(1);
    expect(stream.events[0]).toEqual({ event: 'calls', data: { calls: [] } });
    const placed = await control('POST', '/calls', { ani: '+14155550101' });
    const id = String(placed.id);
    await control('POST', `/calls/${id}/answer`, {});
    await control('PUT', `/calls/${id}/user-data`, { userData: { note: 'hello' } });
    await control('POST', `/calls/${id}/release`, {});
    await stream.until(5);
    expect(stream.events.slice(1).map((e) => [e.event, e.data.id, e.data.state, e.data.userData])).toEqual([
      ['call', id, 'Ringing', {}],
      ['call', id, 'Established', {}],
      ['call', id, 'Established', { note: 'hello' }],
      ['call', id, 'Released', { note: 'hello' }],
    ]);
    expect(stream.events[1]?.data).toMatchObject({ callUuid: id, callType: 'Inbound', dnis: '5001' });
    await stream.close();
  });

  it('publishes to every open stream, and forgets a stream once its client disconnects', async () => {
    const first = await follow();
    const second = await follow();
    await first.until(1);
    await second.until(1);
    expect(await streams()).toBe(2);
    await control('POST', '/calls', { ani: '+14155550102' });
    await first.until(2);
    await second.until(2);
    await first.close();
    await second.close();
    for (let i = 0; i < 300 && (await streams()) !== 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(await streams()).toBe(0);
    // Publishing with no stream open is fine.
    await control('POST', '/calls', { ani: '+14155550103' });
  });
});
