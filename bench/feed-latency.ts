// Team feed delivery: POST /api/pops to 100 SSE subscribers at 20 reports a second, in-process
// and through Redis, next to the floor measured in the same run: a bare Redis PUBLISH to its
// subscribers (ioredis), with one subscriber (the round trip) and with as many as the feed has.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { RedisServer } from '../src/proxy/__tests__/support/redis-server';
import { withProxy } from './proxy-overhead';

const execFileAsync = promisify(execFile);

export interface FeedLoadResult {
  p50: number;
  p99: number;
  delivered: number;
  expected: number;
}

async function feedLoad(args: (string | number)[]): Promise<FeedLoadResult> {
  const { stdout } = await execFileAsync(
    process.execPath,
    ['--import', 'tsx', 'bench/feed-load.ts', ...args.map(String)],
    { cwd: process.cwd(), maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout) as FeedLoadResult;
}

export async function feedLatency(subscribers: number, rate: number, seconds: number) {
  const redis = await new RedisServer().start();
  try {
    const floor = await feedLoad(['floor', redis.url, 1, rate, seconds]);
    const floorFanOut = await feedLoad(['floor', redis.url, subscribers, rate, seconds]);
    const feed = (env: Record<string, string>) =>
      withProxy({ RATE_LIMIT_PER_MINUTE: '1000000', ...env }, (proxy) =>
        feedLoad(['feed', proxy, subscribers, rate, seconds]),
      );
    const inProcess = await feed({});
    const viaRedis = await feed({ REDIS_URL: redis.url });
    return { floor, floorFanOut, inProcess, viaRedis };
  } finally {
    await redis.stop();
  }
}
