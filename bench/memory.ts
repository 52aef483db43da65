// Memory: the widget's JS heap (after forced GC) before and after handling 10,000 call events.
import { waitForCallMark } from './page-marks';
import { withWidgetPage } from './widget-page';

export function widgetHeapGrowth(
  events: number,
): Promise<{ before: number; after: number; calls: number; pops: number }> {
  return withWidgetPage(async (page, sim) => {
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const before = await heap();
    const calls = Math.floor(events / 2);
    const concurrency = 8;
    let next = 0;
    // Each call is two events (Ringing, Released); callers alternate between found and unknown.
    // A call is released once its pop has settled, as an agent's would be: released at once, eight
    // at a time, the widget fell minutes behind and calls aged out before their pops settled.
    const worker = async () => {
      while (next < calls) {
        const index = next++;
        const call = await sim.placeCall({
          ani: index % 2 ? '+14155550100' : `+1999${String(index).padStart(7, '0')}`,
        });
        await waitForCallMark(page, 'uhw:settled', call.id);
        await sim.release(call.id);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    // Let the last pops settle and the released ones age out (kept 60 s on screen).
    await page.waitForTimeout(62_000);
    const pops = await page.evaluate(() => performance.getEntriesByName('uhw:settled').length);
    await page.evaluate(() => performance.clearMarks());
    const after = await heap();
    return { before, after, calls, pops };
  });
}
