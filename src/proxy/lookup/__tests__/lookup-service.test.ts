import { describe, expect, it } from 'vitest';
import { FakeUniphoreClient } from '../../__tests__/support/fake-client';
import type { LookupOutcome } from '../../uniphore/client';
import { LookupService } from '../lookup-service';

const found: LookupOutcome = { kind: 'found', uniqueId: 'u1', upstreamStatus: 200 };

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('LookupService', () => {
  it('shares one upstream request between identical concurrent lookups', async () => {
    const gate = deferred<LookupOutcome>();
    const client = new FakeUniphoreClient(() => gate.promise);
    const service = new LookupService(client, { ttlMs: 0 });
    const all = Promise.all(Array.from({ length: 50 }, () => service.lookup('dtmf', '1')));
    const other = service.lookup('dtmf', '2');
    gate.resolve(found);
    const results = await all;
    await other;
    expect(client.calls).toEqual([
      { attribute: 'dtmf', value: '1' },
      { attribute: 'dtmf', value: '2' },
    ]);
    expect(results.filter((r) => !r.coalesced)).toHaveLength(1);
    expect(results.every((r) => r.outcome === results[0]!.outcome)).toBe(true);
  });

  it('caches found ids for the TTL only', async () => {
    let now = 0;
    const client = new FakeUniphoreClient(() => found);
    const service = new LookupService(client, { ttlMs: 100, now: () => now });
    expect(await service.lookup('dtmf', '1')).toMatchObject({ cached: false, coalesced: false });
    now += 99;
    expect(await service.lookup('dtmf', '1')).toMatchObject({
      cached: true,
      coalesced: false,
      outcome: { uniqueId: 'u1' },
    });
    now += 2;
    expect(await service.lookup('dtmf', '1')).toMatchObject({ cached: false, coalesced: false });
    expect(client.calls).toHaveLength(2);
    // The refreshed entry lives a full TTL from its own fetch.
    now += 99;
    expect(await service.lookup('dtmf', '1')).toMatchObject({ cached: true });
    expect(client.calls).toHaveLength(2);
  });

  it.each<LookupOutcome>([
    { kind: 'not_found', upstreamStatus: 404 },
    { kind: 'timeout' },
    { kind: 'unreachable', detail: 'ECONNREFUSED' },
    { kind: 'upstream_error', upstreamStatus: 500, detail: 'HTTP 500' },
  ])('never caches $kind', async (outcome) => {
    const client = new FakeUniphoreClient(() => outcome);
    const service = new LookupService(client, { ttlMs: 60_000 });
    await service.lookup('dtmf', '1');
    await service.lookup('dtmf', '1');
    expect(client.calls).toHaveLength(2);
  });

  it('does not cache when the TTL is 0', async () => {
    const client = new FakeUniphoreClient();
    const service = new LookupService(client, { ttlMs: 0 });
    await service.lookup('dtmf', '1');
    await service.lookup('dtmf', '1');
    expect(client.calls).toHaveLength(2);
  });

  it('keeps attributes apart', async () => {
    const client = new FakeUniphoreClient();
    const service = new LookupService(client, { ttlMs: 60_000 });
    await service.lookup('dtmf', '1');
    await service.lookup('callReturn', '1');
    expect(client.calls).toHaveLength(2);
  });

  it('bounds the cache', async () => {
    const client = new FakeUniphoreClient();
    const service = new LookupService(client, { ttlMs: 60_000, maxEntries: 2 });
    for (const value of ['1', '2', '3']) await service.lookup('dtmf', value);
    await service.lookup('dtmf', '1');
    expect(client.calls).toHaveLength(4);
  });

  it('evicts the least recently used id first', async () => {
    const client = new FakeUniphoreClient();
    const service = new LookupService(client, { ttlMs: 60_000, maxEntries: 2, now: () => 0 });
    await service.lookup('dtmf', '1');
    await service.lookup('dtmf', '2');
    expect(await service.lookup('dtmf', '1')).toMatchObject({ cached: true });
    await service.lookup('dtmf', '3'); // evicts 2, read less recently than 1
    expect(await service.lookup('dtmf', '1')).toMatchObject({ cached: true });
    expect(await service.lookup('dtmf', '2')).toMatchObject({ cached: false });
    expect(client.calls.map((c) => c.value)).toEqual(['1', '2', '3', '2']);
  });

  it('reports a lookup that joined one in flight as coalesced, also for misses and errors', async () => {
    const gate = deferred<LookupOutcome>();
    const client = new FakeUniphoreClient(() => gate.promise);
    const service = new LookupService(client, { ttlMs: 60_000 });
    const first = service.lookup('dtmf', '1');
    const second = service.lookup('dtmf', '1');
    gate.resolve({ kind: 'timeout' });
    expect(await first).toEqual({ outcome: { kind: 'timeout' }, cached: false, coalesced: false });
    expect(await second).toEqual({ outcome: { kind: 'timeout' }, cached: false, coalesced: true });
    expect(client.calls).toHaveLength(1);
  });

  it('lets a failed request be retried', async () => {
    let fail = true;
    const client = new FakeUniphoreClient(() => {
      if (fail) throw new Error('bug');
      return found;
    });
    const service = new LookupService(client, { ttlMs: 0 });
    await expect(service.lookup('dtmf', '1')).rejects.toThrow('bug');
    fail = false;
    await expect(service.lookup('dtmf', '1')).resolves.toMatchObject({ outcome: found });
  });
});
