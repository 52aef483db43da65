// The widget as an agent runs it, for the browser benchmarks: `src/main.ts` with the embedded
// simulator, Chromium on the embedded view (no simulator panel polling beside the measurement).
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/fixtures/chromium';
import { SimControl, startServer } from '../e2e/fixtures/server';

export async function withWidgetPage<T>(run: (page: Page, sim: SimControl) => Promise<T>): Promise<T> {
  const server = await startServer({ LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '1000000' });
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}?mode=embedded`);
    await page.getByText('connected', { exact: true }).waitFor();
    return await run(page, new SimControl(server.url));
  } finally {
    await browser.close();
    await server.stop();
  }
}
