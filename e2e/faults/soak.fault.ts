// Soak: calls at a steady rate for SOAK_MINUTES (default 2; 30 for the long run), every one popped
// exactly once; reports the widget's JS heap and the server's open file descriptors at the end.
import { readdirSync } from 'node:fs';
import { expect, test } from '../fixtures/server';
import { connected, newRequestsByCall, placeAndAwaitPop } from './calls';

const minutes = Number(process.env.SOAK_MINUTES ?? 2);
const CALLS_PER_SECOND = 2;

test('soak', async ({ page, server, sim }) => {
  test.setTimeout((minutes + 3) * 60_000);
  await page.goto('/?mode=embedded');
  await expect(connected(page)).toBeVisible();
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
  };
  const fds = () => (server.pid ? readdirSync(`/proc/${server.pid}/fd`).length : Number.NaN);
  const heapBefore = await heap();
  const fdsBefore = fds();
  const end = Date.now() + minutes * 60_000;
  const placed: string[] = [];
  while (Date.now() < end) {
    const started = Date.now();
    placed.push(
      await placeAndAwaitPop(
        sim,
        placed.length % 2 ? '+14155550100' : `+1666${String(placed.length).padStart(7, '0')}`,
      ),
    );
    const wait = 1000 / CALLS_PER_SECOND - (Date.now() - started);
    if (wait > 0) await page.waitForTimeout(wait);
  }
  const counts = await newRequestsByCall(sim);
  const heapAfter = await heap();
  const fdsAfter = fds();
  console.log(
    `soak ${minutes} min: ${placed.length} calls, lost ${placed.filter((id) => !counts.has(id)).length}, ` +
      `duplicated ${placed.filter((id) => (counts.get(id) ?? 0) > 1).length}, JS heap ${heapBefore.toFixed(1)} → ${heapAfter.toFixed(1)} MB, ` +
      `server open fds ${fdsBefore} → ${fdsAfter}`,
  );
  expect(placed.every((id) => counts.get(id) === 1)).toBe(true);
  expect(fdsAfter - fdsBefore).toBeLessThan(50);
});
