// Waits in the page for a `performance.mark` about one call, without polling: Playwright's
// waitForFunction evaluates on every animation frame over CDP, and that traffic alone cost the
// browser and the driver more CPU per pop than the widget's own work on a two-core machine.
import type { Page } from '@playwright/test';

// A string, not a function: tsx compiles bench code with esbuild's keepNames, whose `__name`
// helper does not exist in the page.
const WAIT_FOR_MARK = `(async ({ name, callId }) => {
  const matches = (entry) => entry.detail?.callId === callId;
  const entry =
    performance.getEntriesByName(name).find(matches) ??
    (await new Promise((resolve) => {
      const observer = new PerformanceObserver((list) => {
        const found = list.getEntriesByName(name).find(matches);
        if (!found) return;
        observer.disconnect();
        resolve(found);
      });
      observer.observe({ type: 'mark' });
    }));
  return performance.timeOrigin + entry.startTime;
})`;

/** The mark's time on the epoch clock (timeOrigin + startTime), comparable across processes. */
export function waitForCallMark(page: Page, name: string, callId: string): Promise<number> {
  return page.evaluate(`${WAIT_FOR_MARK}(${JSON.stringify({ name, callId })})`) as Promise<number>;
}
