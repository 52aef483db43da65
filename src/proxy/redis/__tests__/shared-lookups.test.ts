// Following another replica's lookup when its announcement never comes (the subscriber reconnecting):
// the waiter watches the lock, and takes the stored id, or asks Uniphore itself, once it is freed.
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RedisServer } from '../../__tests__/support/redis-server';
import { Secret } from '../../secret';
import type { LookupOutcome } from '../../uniphore/client';
import { RedisLink } from '../redis-link';
import { SharedLookups } from '../shared-lookups';

let redis: RedisServer;
let direct: Redis;
const links: RedisLink[] = [];
const silent = { info: () => undefined, warn: () => undefined };

beforeAll(async () => {
  redis = await new RedisServer().start();
  direct = new Redis(redis.url);
});
afterAll(async () => {
  direct.disconnect();
  await redis.stop();
});
afterEach(async () => {
  await Promise.all(links.splice(0).map((link) => link.close()));
  await direct.flushall();
});

async function shared(): Promise<SharedLookups> {
  const link = new RedisLink(new Secret(redis.url), silent);
  links.push(link);
  await link.start();
  return new SharedLookups(link, { ttlMs: 30_000, waitMs: 5_000, lockMs: 7_000, scope: 'test' });
}

const found: LookupOutcome = { kind: 'found', uniqueId: 'uid-7', upstreamStatus: 200 };

describe('SharedLookups without the announcement', () => {
  it('takes the id the holder stored once the lock is freed', async () => {
    const lookups = await shared();
    const hash = lookups.hash('dtmf', '4567');
    await direct.set(`uhw:lookup-lock:${hash}`, 'someone', 'PX', 7_000);
    setTimeout(() => {
      void direct
        .multi()
        .set(`uhw:lookup:${hash}`, JSON.stringify(found), 'PX', 30_000)
        .del(`uhw:lookup-lock:${hash}`)
        .exec();
    }, 200);
    const asked: string[] = [];
    const started = performance.now();
    const result = await lookups.lookup('dtmf', '4567', async () => {
      asked.push('uniphore');
      return found;
    });
    expect(result).toMatchObject({ outcome: found, via: 'shared-cache' });
    expect(asked).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('asks Uniphore itself soon after a holder that found nothing freed the lock', async () => {
    const lookups = await shared();
    const hash = lookups.hash('dtmf', '0000');
    await direct.set(`uhw:lookup-lock:${hash}`, 'someone', 'PX', 7_000);
    setTimeout(() => void direct.del(`uhw:lookup-lock:${hash}`), 200);
    const started = performance.now();
    const result = await lookups.lookup('dtmf', '0000', async () => ({
      kind: 'not_found',
      upstreamStatus: 404,
    }));
    expect(result).toMatchObject({ outcome: { kind: 'not_found' }, via: 'upstream' });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('gets the announced outcome of a holder on another replica', async () => {
    const [holder, follower] = [await shared(), await shared()];
    await new Promise((resolve) => setTimeout(resolve, 100));
    let release!: (outcome: LookupOutcome) => void;
    const slow = new Promise<LookupOutcome>((resolve) => {
      release = resolve;
    });
    const first = holder.lookup('dtmf', '1234', () => slow);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = follower.lookup('dtmf', '1234', async () => {
      throw new Error('must not ask Uniphore');
    });
    // The follower found the lock taken and is waiting (before that, a finished holder leaves nothing
    // to wait for: a miss or an error is never stored, and the follower would ask Uniphore itself).
    await new Promise((resolve) => setTimeout(resolve, 150));
    release({ kind: 'unreachable', detail: 'down' });
    expect(await first).toMatchObject({ via: 'upstream', outcome: { kind: 'unreachable' } });
    expect(await second).toMatchObject({ via: 'shared-flight', outcome: { kind: 'unreachable' } });
    expect(await direct.keys('uhw:lookup:*')).toEqual([]);
  });
});
