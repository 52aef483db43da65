// `npm run replay -- capture.json [--check]`: starts the product exactly as `npm start` does (the
// proxy and the embedded simulator, src/main.ts, in a process of its own) with the capture's site
// settings, uploads the capture, and prints the URL to watch its replay at. With --check it replays
// it in headless Chromium, prints captured against replayed outcomes and exits 1 on a difference.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { type Capture, captureProblem } from '../shared/capture';
import { outcomeTable } from './replay/outcome-diff';
import { checkReplay, replayUrl, startGwsReplay } from './replay/replay-check';
import { siteEnv } from './replay/site-env';

const USAGE = 'usage: npm run replay -- <capture.json> [--check]';

function readCapture(path: string): Capture {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`${path}: ${error instanceof Error ? error.message : error}`);
  }
  const problem = captureProblem(value);
  if (problem) throw new UsageError(`${path} is not a capture this version replays: ${problem}`);
  return value as Capture;
}

class UsageError extends Error {}

interface Product {
  widgetOrigin: string;
  desktopUrl: string | undefined;
  child: ChildProcess;
  logs: string[];
}

/** src/main.ts in a child process, as `npm start` runs it; resolves once it printed its URLs. */
function startProduct(env: Record<string, string>): Promise<Product> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('../main.ts', import.meta.url).pathname],
    {
      env: { ...process.env, PORT: process.env.PORT ?? '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const logs: string[] = [];
  return new Promise((resolve, reject) => {
    let widgetOrigin: string | undefined;
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream! }).on('line', (line) => {
        logs.push(line);
        widgetOrigin ??= /Widget ready at (\S+?)\/?(\s|$)/.exec(line)?.[1];
        const desktop = /WWE desktop \(simulated\): (\S+)/.exec(line)?.[1];
        // The desktop line follows the ready line when GWS is simulated; a real GWS prints none.
        if (widgetOrigin && (desktop || /simulator: GWS real/.test(line))) {
          resolve({ widgetOrigin, desktopUrl: desktop, child, logs });
        }
      });
    }
    child.once('exit', (code) => reject(new Error(`the product exited with ${code}:\n${logs.join('\n')}`)));
  });
}

async function upload(widgetOrigin: string, capture: Capture): Promise<{ id: string; warnings: string[] }> {
  const response = await fetch(`${widgetOrigin}/api/sim/captures`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(capture),
  });
  const body = (await response.json()) as { id: string; warnings: string[]; message?: string };
  if (response.status !== 201) throw new UsageError(`the simulator refused the capture: ${body.message}`);
  return body;
}

async function main(args: string[]): Promise<number> {
  const check = args.includes('--check');
  const files = args.filter((arg) => !arg.startsWith('--'));
  if (files.length !== 1 || args.some((arg) => arg.startsWith('--') && arg !== '--check')) {
    throw new UsageError(USAGE);
  }
  const capture = readCapture(files[0]!);
  const product = await startProduct(siteEnv(capture.site));
  const stop = () => product.child.kill('SIGTERM');
  try {
    const { id, warnings } = await upload(product.widgetOrigin, capture);
    const pops = capture.entries.filter((entry) => entry.via === 'pop').length;
    for (const warning of warnings) console.log(`warning: ${warning}`);
    const url = replayUrl(capture, id, product);
    if (!check) {
      console.log(
        `Capture ${id} (${capture.entries.length} entries, ${pops} pops). Watch its replay at:\n${url}`,
      );
      // GWS side: published once the opened page subscribes; a person may take a while to open it.
      if (capture.widget.host !== 'wwe')
        await startGwsReplay(product.widgetOrigin, id, { waitForSubscriberMs: 120_000 });
      console.log('Ctrl-C to stop.');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      return 0;
    }
    const { chromium } = await import('@playwright/test');
    const { chromiumLaunchOptions } = await import('./chromium-launch');
    const browser = await chromium.launch(chromiumLaunchOptions);
    try {
      const result = await checkReplay(browser, capture, id, product);
      console.log(`Replayed ${url}\n\n${outcomeTable(result.rows)}\n`);
      console.log(
        result.same ? 'Every pop came to what the capture says.' : 'The replay differs from the capture.',
      );
      return result.same ? 0 : 1;
    } finally {
      await browser.close();
    }
  } finally {
    stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof UsageError ? error.message : error);
      process.exit(2);
    },
  );
}
