import { withWidgetPage } from '../bench/widget-page';
import { waitForCallMark } from '../bench/page-marks';
await withWidgetPage(async (page, sim) => {
  const rows: string[] = [];
  for (let i = 0; i < 15; i++) {
    await page.evaluate(() => performance.clearResourceTimings());
    const t0 = performance.timeOrigin + performance.now();
    const call = await sim.placeCall({ ani: '+14155550100' });
    const shown = await waitForCallMark(page, 'uhw:history-src-set', call.id);
    const entries = await page.evaluate(() => ({
      origin: performance.timeOrigin,
      res: performance.getEntriesByType('resource').map((e) => { const r = e as PerformanceResourceTiming; return [r.name.replace(/^https?:\/\/[^/]+/, '').slice(0, 60), r.startTime, r.responseEnd]; }),
    }));
    const rel = (t: number) => Math.round(entries.origin + t - t0);
    rows.push(`call ${i}: shown ${Math.round(shown - t0)} | ` + entries.res.map(([n, s, e]) => `${n}@${rel(s as number)}-${rel(e as number)}`).join(' ; '));
    await sim.release(call.id);
    await new Promise((r) => setTimeout(r, 250));
  }
  console.log(rows.slice(5).join('\n'));
});
