// Memory of `npm start`'s process under one large unauthenticated POST to the GWS passthrough
// (`node --import tsx bench/passthrough-rss.ts`; not part of `npm run bench`). The server runs in a
// process of its own, with the embedded simulator (as `npm start`) or, with RSS_UPSTREAM=drain, in
// front of a separate upstream that reads and discards bodies, so the figure is the proxy's alone.
// Prints RSS before, the peak during the request (VmHWM, reset first) and RSS after, for a declared Content-Length and a chunked body.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';

const MB = 1024 * 1024;
const SIZE = Number(process.env.RSS_BODY_MB ?? 50) * MB;

async function memory(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') * 1024, peak: kb('VmHWM') * 1024 };
}

/** Resets the peak (VmHWM) to the current RSS, so that the peak read later is the request's. */
const resetPeak = (pid: number) => writeFile(`/proc/${pid}/clear_refs`, '5');

async function drainingUpstream(): Promise<{ url: string; close(): void }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(401, { 'content-type': 'application/json' }).end('{"statusCode":2}'));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for await (const line of createInterface({ input: child.stdout! })) {
    const match = /Widget ready at (\S+)/.exec(line);
    if (match?.[1]) {
      child.stdout!.resume();
      return { child, url: match[1] };
    }
  }
  throw new Error('server did not start');
}

/** Writes SIZE bytes in 64 KiB chunks, declared or chunked; resolves with the status (or the error). */
function post(url: string, chunked: boolean): Promise<string> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (!chunked) headers['content-length'] = String(SIZE);
    const req = http.request(new URL('/api/v2/me', url), { method: 'POST', headers });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(String(res.statusCode)));
    });
    req.on('error', (error) => resolve(`error ${(error as NodeJS.ErrnoException).code ?? error.message}`));
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const write = () => {
      while (sent < SIZE) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

const upstream = process.env.RSS_UPSTREAM === 'drain' ? await drainingUpstream() : undefined;
const mib = (bytes: number) => `${(bytes / MB).toFixed(1)} MiB`;
for (const chunked of [false, true]) {
  const { child, url } = await startServer(upstream ? { GWS_URL: upstream.url } : {});
  await fetch(new URL('/api/v2/me', url)).then((r) => r.arrayBuffer());
  await new Promise((resolve) => setTimeout(resolve, 500));
  await resetPeak(child.pid!);
  const before = await memory(child.pid!);
  const status = await post(url, chunked);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = await memory(child.pid!);
  console.log(
    `${chunked ? 'chunked ' : 'declared'} ${SIZE / MB} MB → ${status}: RSS before ${mib(before.rss)}, ` +
      `peak ${mib(after.peak)} (+${mib(after.peak - before.rss)}), after ${mib(after.rss)}`,
  );
  child.kill('SIGTERM');
  await once(child, 'exit');
}
upstream?.close();
