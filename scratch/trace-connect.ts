import { withWidgetPage } from '../bench/widget-page';
import { waitForCallMark } from '../bench/page-marks';
await withWidgetPage(async (page, sim) => {
  await page.evaluate(`(() => {
    window.__log = [];
    const send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function (body) {
      const url = this.__url || '';
      window.__log.push(['send', url.replace(/^.*\\/api/, ''), performance.now()]);
      this.addEventListener('load', () => window.__log.push(['load', url.replace(/^.*\\/api/, ''), performance.now()]));
      return send.call(this, body);
    };
    const open = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (m, u, ...r) { this.__url = u; return open.call(this, m, u, ...r); };
    const ofetch = window.fetch;
    window.fetch = function (u, i) { const n = String(u).replace(/^.*\\/api/, ''); window.__log.push(['fetch', n.slice(0,40), performance.now()]); return ofetch.call(this, u, i).then((r) => { window.__log.push(['fetched', n.slice(0,40), performance.now()]); return r; }); };
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__log.push(['mark', e.name, e.startTime]); }).observe({ type: 'mark' });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__log.push(['longtask', String(Math.round(e.duration)), e.startTime]); }).observe({ type: 'longtask' });
  })()`);
  // Re-handshake so the patched XHR is used for the long-polls.
  await sim.restartCometd(0);
  await page.getByText('connected', { exact: true }).waitFor();
  await new Promise((r) => setTimeout(r, 500));
  for (let i = 0; i < 4; i++) {
    await page.evaluate('window.__log = []');
    const call = await sim.placeCall({ ani: '+14155550100' });
    await waitForCallMark(page, 'uhw:history-src-set', call.id);
    const log = (await page.evaluate('window.__log')) as [string, string, number][];
    const t0 = log.find((e) => e[0] === 'load' && e[1].includes('connect'))?.[2] ?? 0;
    console.log(`call ${i}: ` + log.map((e) => `${e[0]} ${e[1]} ${Math.round((e[2] - t0) * 10) / 10}`).join(' | '));
    await sim.release(call.id);
    await new Promise((r) => setTimeout(r, 300));
  }
});
