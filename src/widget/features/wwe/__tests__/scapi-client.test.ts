import { afterEach, describe, expect, it, vi } from 'vitest';
import { guard } from '../../../lib/schema';
import { connectScapi, ScapiError, ScapiTimeoutError } from '../scapi-client';
import { fakeWwe, rules, WWE_ORIGIN } from './fake-wwe';

const isString = guard<string>({ check: (value) => typeof value === 'string', required: [] }, 'string');

function setup(answer: Parameters<typeof fakeWwe>[0]) {
  const wwe = fakeWwe(answer);
  const onEvent = vi.fn();
  const log = vi.fn();
  const client = connectScapi(wwe.win, rules, { onEvent, log });
  if (!client) throw new Error('not framed');
  return { wwe, client, onEvent, log };
}

describe('connectScapi', () => {
  afterEach(() => vi.useRealTimers());

  it('sends requests as the Service Client API wants them, to WWE’s origin only, and matches the answer', async () => {
    const { wwe, client } = setup((m) => ({ referenceId: m.referenceId, data: 'pong' }));
    await expect(client.request('system.triggerActivity', [], isString)).resolves.toBe('pong');
    await client.request('interaction.setUserData', ['wwe-1', { K: 'v' }], isString);
    expect(wwe.posted[0]).toEqual({
      message: {
        request: 'system.triggerActivity',
        referenceId: expect.any(String),
        userAgent: 'WWE Client',
        protocolVersion: 2,
      },
      targetOrigin: WWE_ORIGIN,
    });
    expect(wwe.posted[1]?.message).toMatchObject({ parameters: ['wwe-1', { K: 'v' }] });
    expect(wwe.posted[0]?.message.referenceId).not.toBe(wwe.posted[1]?.message.referenceId);
  });

  it('fails a request WWE answers with errorMessage (a service not allowed), and goes on working', async () => {
    const { client } = setup((m) =>
      m.request === 'auth.getJwtToken'
        ? { referenceId: m.referenceId, errorMessage: 'Service not allowed' }
        : { referenceId: m.referenceId, data: 'ok' },
    );
    await expect(client.request('auth.getJwtToken', [], isString)).rejects.toEqual(
      new ScapiError('Service not allowed'),
    );
    await expect(client.request('agent.get', [], isString)).resolves.toBe('ok');
  });

  it('times out a request WWE never answers (rate-limited requests are ignored)', async () => {
    vi.useFakeTimers();
    const { client } = setup(() => null);
    const request = client.request('interaction.getInteractions', [], isString, 10_000);
    const outcome = expect(request).rejects.toBeInstanceOf(ScapiTimeoutError);
    await vi.advanceTimersByTimeAsync(10_000);
    await outcome;
  });

  it('refuses an answer of the wrong shape', async () => {
    const { client } = setup((m) => ({ referenceId: m.referenceId, data: 42 }));
    await expect(client.request('agent.get', [], isString)).rejects.toThrow(/unexpected answer/);
  });

  it('subscribes and hands over events', async () => {
    const { wwe, client, onEvent } = setup((m) => ({ referenceId: m.referenceId, subscriptionId: 'S-1' }));
    await expect(client.subscribe(['interaction'])).resolves.toBe('S-1');
    expect(wwe.posted[0]?.message).toMatchObject({ event: 'subscribe', data: ['interaction'] });
    wwe.emit('interaction', { interactionId: 'wwe-1', state: 'RINGING' });
    expect(onEvent).toHaveBeenCalledWith(expect.objectContaining({ event: 'interaction' }));
  });

  it('ignores messages from another window or another origin, and malformed ones', async () => {
    vi.useFakeTimers();
    const { wwe, client, onEvent, log } = setup(() => null);
    const request = client.request('agent.get', [], isString, 1_000);
    const referenceId = wwe.posted[0]?.message.referenceId;
    const event = { event: 'interaction', data: {}, userAgent: 'WWE Server', protocolVersion: 2 };
    const answer = { referenceId, data: 'forged', userAgent: 'WWE Server', protocolVersion: 2 };
    wwe.deliver(event, { source: wwe.stranger });
    wwe.deliver(answer, { origin: 'https://evil.example.com' });
    wwe.deliver({ ...answer, userAgent: 'Someone' });
    wwe.deliver({ ...event, protocolVersion: 1 });
    expect(onEvent).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('origin not allowed'));
    expect(log).toHaveBeenCalledWith(expect.stringContaining('ignored'));
    const outcome = expect(request).rejects.toBeInstanceOf(ScapiTimeoutError);
    await vi.advanceTimersByTimeAsync(1_000);
    await outcome;
  });

  it('is null outside a frame', () => {
    const win = { parent: null as unknown, location: { origin: 'x' } } as unknown as Window;
    (win as unknown as { parent: Window }).parent = win;
    expect(connectScapi(win, rules, { onEvent: vi.fn(), log: vi.fn() })).toBeNull();
  });
});
