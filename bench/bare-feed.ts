// The team feed's floor: the same work with none of the product around it. A bare node:http server
// that takes `POST /api/pops`, parses the report, frames it as one SSE event and writes that frame to
// every open `GET /api/pops/stream`; with a Redis URL, through a Redis Stream as the feed's replicas
// do (XADD on the report, one blocking XREAD reader fanning each entry out). No authentication,
// schema, rate limit, replay ring, metrics or logs: what the product adds is the ratio to this.
import http, { type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';

const STREAM = 'bench:bare-feed';

export async function withBareFeed<T>(
  redisUrl: string | undefined,
  run: (url: string) => Promise<T>,
): Promise<T> {
  const streams = new Set<ServerResponse>();
  let next = 0;
  const fanOut = (id: string, json: string) => {
    const frame = Buffer.from(`event: pop\nid: ${id}\ndata: ${json}\n\n`, 'utf8');
    for (const stream of streams) stream.write(frame);
  };
  const writer = redisUrl ? new Redis(redisUrl) : undefined;
  const reader = redisUrl ? new Redis(redisUrl) : undefined;
  let reading = Boolean(reader);
  if (reader) {
    void (async () => {
      let last = '$';
      while (reading) {
        const answer = (await reader.xread('BLOCK', 1000, 'STREAMS', STREAM, last).catch(() => null)) as
          | [string, [string, string[]][]][]
          | null;
        for (const [, entries] of answer ?? []) {
          for (const [id, fields] of entries) {
            last = id;
            fanOut(id, fields[1] ?? '');
          }
        }
      }
    })();
  }
  const server = http.createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/api/pops/stream') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      response.write('retry: 1000\n\n');
      streams.add(response);
      response.once('close', () => streams.delete(response));
      return;
    }
    if (request.method === 'POST' && request.url === '/api/pops') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const json = JSON.stringify({ pop: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        if (writer) {
          void writer.xadd(STREAM, 'MAXLEN', '~', '2000', '*', 'e', json).then((id) => {
            response.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
          });
        } else {
          const id = `${Date.now()}-${next++}`;
          fanOut(id, json);
          response.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
        }
      });
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    reading = false;
    for (const stream of streams) stream.end();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    writer?.disconnect();
    reader?.disconnect();
  }
}
