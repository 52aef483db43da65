// The simulated WWE desktop's ?violate= modes, for the diagnostics view's tests: with the real widget
// framed, the desktop really sends the shapes that break the README's assumptions about WWE (answers
// without `data`, events wrapped otherwise, interactions without callUuid), and only those.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/server';
import { desktopUrl, openDesktop } from './fixtures/wwe-desktop';

type Message = Record<string, unknown> & {
  data?: Record<string, unknown> & { payload?: Record<string, unknown> };
};

const violated = (page: Page) =>
  page.evaluate(() => (window as unknown as { desktop: { violated: Message[] } }).desktop.violated);
const sent = (page: Page) =>
  page.evaluate(() => (window as unknown as { desktop: { sent: Message[] } }).desktop.sent);
/** Until the widget's subscription is answered: from then on the desktop sends it events. */
const subscribed = (page: Page) =>
  expect.poll(async () => (await sent(page)).some((message) => 'subscriptionId' in message)).toBe(true);
const pop = (widget: ReturnType<Page['frameLocator']>, ani: string) =>
  widget.getByRole('article', { name: `Call from ${ani}` });

test('no-data: successful answers carry their result under `result` or at the top level, never under `data`', async ({
  page,
  server,
}) => {
  await openDesktop(page, server, { violate: 'no-data' });
  await expect
    .poll(() => violated(page))
    .toContainEqual({
      referenceId: expect.any(String),
      result: [],
      userAgent: 'WWE Server',
      protocolVersion: 2,
    });
  // Subscriptions are answered as ever: only answers that carry a result change.
  const answers = (await sent(page)).filter((message) => 'referenceId' in message);
  expect(answers.some((message) => 'subscriptionId' in message)).toBe(true);
  expect(answers.filter((message) => 'data' in message)).toEqual([]);
});

test('wrapped-events: an interaction event’s data is {eventType, payload}, the Interaction inside', async ({
  page,
  server,
  sim,
}) => {
  await openDesktop(page, server, { violate: 'wrapped-events' });
  await subscribed(page);
  const call = await sim.placeCall({ ani: '+14155550181' });
  await expect.poll(async () => (await violated(page)).length).toBeGreaterThan(0);
  const [event] = await violated(page);
  expect(event).toMatchObject({
    event: 'interaction',
    data: {
      eventType: 'interactionChanged',
      payload: { callUuid: call.id, ani: '+14155550181', state: 'RINGING' },
    },
  });
  expect(event?.data).not.toHaveProperty('interactionId');
});

test('no-calluuid: interactions come without callUuid, so the widget pops without asking UCS', async ({
  page,
  server,
  sim,
}) => {
  const widget = await openDesktop(page, server, { violate: 'no-calluuid' });
  await subscribed(page);
  const record = await sim.addRecord('callReturn', '+14155550182');
  const call = await sim.placeCall({ ani: '+14155550182' });
  await expect(pop(widget, '+14155550182').locator('iframe')).toHaveAttribute(
    'src',
    new RegExp(record.uniqueId),
  );
  const events = (await violated(page)).filter((message) => message.event === 'interaction');
  expect(events.length).toBeGreaterThan(0);
  for (const message of events) expect(message.data).not.toHaveProperty('callUuid');
  expect(await sim.findPhoneCalls(call.id)).toEqual([]);
});

test('violations combine, and an unknown one is refused', async ({ page, server, sim }) => {
  await openDesktop(page, server, { violate: 'no-calluuid,wrapped-events' });
  await subscribed(page);
  const call = await sim.placeCall({ ani: '+14155550183' });
  await expect
    .poll(
      async () => (await violated(page)).find((message) => message.event === 'interaction')?.data?.payload,
    )
    .toMatchObject({ ani: '+14155550183', state: 'RINGING' });
  const [event] = await violated(page);
  expect(event?.data?.payload).not.toHaveProperty('callUuid');
  expect(call.id).toBeTruthy();
  const refused = await fetch(desktopUrl(server, { violate: 'no-data,sometimes' }));
  expect(refused.status).toBe(400);
});
