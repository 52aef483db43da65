// Chromium on a page of `src/main.ts` with the embedded simulator, for the browser benchmarks: the
// widget's embedded view (no simulator panel polling beside the measurement), or the browser floor.
import { readFile } from 'node:fs/promises';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/fixtures/chromium';
import { SimControl, startServer } from '../e2e/fixtures/server';

type Run<T> = (page: Page, sim: SimControl) => Promise<T>;

export interface PageOptions {
  /**
   * Chromium's CPU throttling (CDP `Emulation.setCPUThrottlingRate`): 4 runs the page's main thread
   * as a CPU four times slower would, as on the thin clients and virtual desktops many agents use.
   * Set once the page is ready, so only the pops are slowed, not the start-up.
   */
  cpuThrottle?: number;
}

async function withPage<T>(
  open: (page: Page, url: string) => Promise<void>,
  run: Run<T>,
  options: PageOptions = {},
): Promise<T> {
  const server = await startServer({ LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '1000000' });
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage();
    await open(page, server.url);
    if (options.cpuThrottle && options.cpuThrottle !== 1) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuThrottle });
    }
    return await run(page, new SimControl(server.url));
  } finally {
    await browser.close();
    await server.stop();
  }
}

export const withWidgetPage = <T>(run: Run<T>, options?: PageOptions): Promise<T> =>
  withPage(
    async (page, url) => {
      await page.goto(`${url}?mode=embedded`);
      await page.getByText('connected', { exact: true }).waitFor();
    },
    run,
    options,
  );

/** A bare page on the same origin running bench/browser-floor-client.js. */
export const withBrowserFloorPage = <T>(run: Run<T>, options?: PageOptions): Promise<T> =>
  withPage(
    async (page, url) => {
      await page.goto(`${url}healthz`);
      // Evaluated, not added as a <script>: the proxy's CSP rightly refuses inline scripts.
      await page.evaluate(await readFile('bench/browser-floor-client.js', 'utf8'));
      await page.evaluate('window.floorReady');
    },
    run,
    options,
  );
