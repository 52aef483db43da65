// Helpers shared by the fault specs: place a call and wait until the widget asked UCS about it.
import { expect, type Page } from '@playwright/test';
import type { SimControl } from '../fixtures/server';

/** FindPhoneCall requests with status New, per call id: exactly one means popped exactly once. */
export async function newRequestsByCall(sim: SimControl): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const body of await sim.findPhoneCalls()) {
    if (body.status !== 'New') continue;
    const id = String(body.callId);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** Places a call and waits (through reconnects) until the widget has popped it, then releases it. */
export async function placeAndAwaitPop(sim: SimControl, ani: string, timeoutMs = 30_000): Promise<string> {
  const call = await sim.placeCall({ ani });
  await expect
    .poll(async () => (await sim.findPhoneCalls(call.id)).some((body) => body.status === 'New'), {
      timeout: timeoutMs,
    })
    .toBe(true);
  await sim.release(call.id);
  return call.id;
}

export const connected = (page: Page) => page.getByRole('status').filter({ hasText: /^connected$/ });
