// Team feed delivery: POST /api/pops to 100 SSE subscribers at 20 reports a second, in-process
// and through Redis, next to floors measured in the same run: the same work by a bare node:http
// server (bench/bare-feed.ts: a POST in, one SSE frame out to every stream, through a Redis Stream for
// the Redis figure), and, for scale, a bare Redis PUBLISH to one and to as many ioredis subscribers.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { RedisServer } from '../src/proxy/__tests__/support/redis-server';
import { withBareFeed } from './bare-feed';
import { withProxy } from './proxy-overhead';
import { medianBy } from './stats';

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

/** Interleaved rounds, median by p99: the machine is shared, one noisy neighbour moves a single run. */
const ROUNDS = 3;

export async function feedLatency(subscribers: number, rate: number, seconds: number) {
  const redis = await new RedisServer().start();
  const feed = (env: Record<string, string>) =>
    withProxy({ RATE_LIMIT_PER_MINUTE: '1000000', ...env }, (proxy) =>
      feedLoad(['feed', proxy, subscribers, rate, seconds]),
    );
  const bare = (redisUrl?: string) =>
    withBareFeed(redisUrl, (url) => feedLoad(['feed', url, subscribers, rate, seconds]));
  const runs: Record<
    'floor' | 'floorFanOut' | 'bare' | 'bareRedis' | 'inProcess' | 'viaRedis',
    FeedLoadResult[]
  > = {
    floor: [],
    floorFanOut: [],
    bare: [],
    bareRedis: [],
    inProcess: [],
    viaRedis: [],
  };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      runs.floor.push(await feedLoad(['floor', redis.url, 1, rate, seconds]));
      runs.floorFanOut.push(await feedLoad(['floor', redis.url, subscribers, rate, seconds]));
      runs.bare.push(await bare());
      runs.inProcess.push(await feed({}));
      runs.bareRedis.push(await bare(redis.url));
      runs.viaRedis.push(await feed({ REDIS_URL: redis.url }));
    }
  } finally {
    await redis.stop();
  }
  const median = (list: FeedLoadResult[]) => medianBy(list, (run) => run.p99);
  return {
    floor: median(runs.floor),
    floorFanOut: median(runs.floorFanOut),
    bare: median(runs.bare),
    bareRedis: median(runs.bareRedis),
    inProcess: median(runs.inProcess),
    viaRedis: median(runs.viaRedis),
  };
}
