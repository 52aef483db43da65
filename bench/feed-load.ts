// The team feed's delivery latency, measured from a process of its own (the proxy's event loop is
// not the clients'): `node --import tsx bench/feed-load.ts feed PROXY_URL SUBSCRIBERS RATE SECONDS`
// opens SUBSCRIBERS SSE streams, POSTs RATE reports a second and times each report from its POST to
// its arrival on every stream; `... floor REDIS_URL SUBSCRIBERS RATE SECONDS` times a bare Redis
// PUBLISH to SUBSCRIBERS ioredis subscribers the same way. Prints the latencies' percentiles as JSON.
import http from 'node:http';
import { Redis } from 'ioredis';
import { percentile } from './stats';

const [mode, target, subscribersText, rateText, secondsText] = process.argv.slice(2);
const subscribers = Number(subscribersText);
const rate = Number(rateText);
const seconds = Number(secondsText);
if ((mode !== 'feed' && mode !== 'floor') || !target || !(subscribers > 0) || !(rate > 0) || !(seconds > 0)) {
  throw new Error('usage: feed-load feed|floor URL SUBSCRIBERS RATE SECONDS');
}

const sentAt = new Map<string, number>();
const latencies: number[] = [];
const arrived = (tag: string) => {
  const sent = sentAt.get(tag);
  if (sent !== undefined) latencies.push(performance.now() - sent);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function openStream(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { accept: 'text/event-stream' }, agent: false }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`stream answered ${response.statusCode}`));
      response.setEncoding('utf8');
      let buffer = '';
      response.on('data', (chunk: string) => {
        buffer += chunk;
        // Only the tag matters: "callId":"bench-N" in a pop event.
        for (const match of buffer.matchAll(/"callId":"(bench-\d+)"/g)) arrived(match[1] ?? '');
        buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
      });
      resolve();
    });
    request.once('error', reject);
  });
}

const report = (callId: string) =>
  JSON.stringify({ callId, outcome: 'found', receivedAt: Date.now(), timings: { totalMs: 1 } });

async function send(tag: string): Promise<void> {
  if (mode === 'feed') {
    sentAt.set(tag, performance.now());
    const response = await fetch(`${target}/api/pops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: report(tag),
    });
    if (response.status !== 202) throw new Error(`report answered ${response.status}`);
  }
}

let publisher: Redis | undefined;
const listeners: Redis[] = [];
if (mode === 'feed') {
  for (let i = 0; i < subscribers; i++) await openStream(`${target}/api/pops/stream`);
} else {
  publisher = new Redis(target);
  for (let i = 0; i < subscribers; i++) {
    const listener = new Redis(target);
    await listener.subscribe('bench:floor');
    listener.on('message', (_channel: string, message: string) => arrived(message));
    listeners.push(listener);
  }
}

// Warm-up (JIT, sockets), then the measured reports at a fixed rate.
const total = rate * seconds;
for (let i = 0; i < total + rate; i++) {
  const tag = `bench-${i}`;
  if (i === rate) latencies.length = 0;
  if (publisher) {
    sentAt.set(tag, performance.now());
    void publisher.publish('bench:floor', tag);
  } else {
    void send(tag);
  }
  await sleep(1000 / rate);
}
await sleep(500);
const expected = total * subscribers;
process.stdout.write(
  `${JSON.stringify({
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    delivered: latencies.length,
    expected,
  })}\n`,
);
publisher?.disconnect();
for (const listener of listeners) listener.disconnect();
process.exit(0);
