// Start-up: `npm start`'s server (after the build) to first /readyz 200 and to the first pop, against
// the floor of starting a bare Node HTTP server.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/fixtures/chromium';
import { SimControl } from '../e2e/fixtures/server';

async function startAndWait(
  args: string[],
  env: Record<string, string>,
): Promise<{ url: string; ms: number; stop(): void }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, cwd: process.cwd() });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /(?:Widget ready at|READY) (\S+)/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}`)));
  });
  // Ready means answering: poll until the readiness route says so.
  for (;;) {
    const response = await fetch(new URL('/readyz', url)).catch(() => null);
    if (response?.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { url, ms: performance.now() - started, stop: () => child.kill('SIGTERM') };
}

export async function startup(): Promise<{ floor: number; ready: number; firstPop: number }> {
  const floor = await startAndWait(
    [
      '-e',
      "const s=require('http').createServer((q,r)=>r.end('ok')).listen(0,'127.0.0.1',()=>console.log('READY http://127.0.0.1:'+s.address().port+'/'))",
    ],
    {},
  );
  floor.stop();
  const started = performance.now();
  const server = await startAndWait(['--import', 'tsx', 'src/main.ts'], { PORT: '0', LOG_LEVEL: 'warn' });
  const ready = server.ms;
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}?mode=embedded`);
    await page.getByText('connected', { exact: true }).waitFor();
    await new SimControl(server.url).placeCall({ ani: '+14155550100' });
    await page.locator('iframe').waitFor();
    return { floor: floor.ms, ready, firstPop: performance.now() - started };
  } finally {
    await browser.close();
    server.stop();
  }
}
