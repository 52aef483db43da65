// The real widget at home in Workspace Web Edition: framed by the simulator's stand-in WWE desktop
// ({gws}/ui/wwe/, which speaks the Service Client API), with calls only from WWE's interactions.
import type { FrameLocator } from '@playwright/test';
import { serveHtml } from './fixtures/pages';
import { openSteps } from './fixtures/pop';
import { expect, type SimControl, test } from './fixtures/server';
import { desktopConnected, desktopUrl, interactions, openDesktop, requests } from './fixtures/wwe-desktop';

const WRITE_BACK_KEY = 'UniphoreUniqueId';

/** A caller whose UCS interaction Uniphore knows: the pop can only be found through FindPhoneCall. */
async function callWithUcsHistory(sim: SimControl, ani: string, ucsInteractionId: string) {
  const record = await sim.addRecord('historySearchId', ucsInteractionId);
  const call = await sim.placeCall({ ani, ucsInteractionId });
  return { call, record };
}

const pop = (widget: FrameLocator, ani: string) => widget.getByRole('article', { name: `Call from ${ani}` });

test.use({ serverEnv: { WWE_WRITE_BACK_KEY: WRITE_BACK_KEY } });

test.describe('inside the simulated WWE desktop, on GWS’s site', () => {
  test('a ringing interaction pops: FindPhoneCall by its callUuid, the history found by the UCS id, written back', async ({
    page,
    server,
    sim,
  }) => {
    const widget = await openDesktop(page, server);
    await expect(widget.getByRole('main')).toBeVisible();
    await expect
      .poll(() => requests(page))
      .toEqual(expect.arrayContaining(['subscribe', 'interaction.getInteractions']));
    const { call, record } = await callWithUcsHistory(sim, '+14155550170', 'UCSWWE0000000001');
    const steps = await openSteps(pop(widget, '+14155550170'));
    await expect(steps).toContainText('found UCSWWE0000000001');
    await expect(steps).toContainText(`found by historySearchId: ${record.uniqueId}`);
    await expect(pop(widget, '+14155550170').locator('iframe')).toHaveAttribute(
      'src',
      new RegExp(record.uniqueId),
    );
    expect((await sim.findPhoneCalls(call.id))[0]).toMatchObject({ callId: call.id, status: 'New' });
    // The widget opened no CometD stream for calls of its own: WWE follows them.
    const calls = await sim.call<{ calls: { id: string; userData: Record<string, string> }[] }>(
      'GET',
      '/calls',
    );
    await expect
      .poll(
        async () =>
          (await sim.call<typeof calls>('GET', '/calls')).calls.find((c) => c.id === call.id)?.userData,
      )
      .toMatchObject({ [WRITE_BACK_KEY]: record.uniqueId });
    expect((await interactions(page)).find((i) => i.callUuid === call.id)?.userData).toMatchObject({
      [WRITE_BACK_KEY]: record.uniqueId,
    });
  });

  test('an interaction there before the widget loaded pops, through getInteractions', async ({
    page,
    server,
    sim,
  }) => {
    await page.goto(desktopUrl(server, { late: '1' }).href);
    await desktopConnected(page);
    const record = await sim.addRecord('callReturn', '+14155550171');
    await sim.placeCall({ ani: '+14155550171' });
    await expect.poll(async () => (await interactions(page)).length).toBe(1);
    await page.evaluate(() =>
      (window as unknown as import('./fixtures/wwe-desktop').Desktop).desktop.loadWidget(),
    );
    const widget = page.frameLocator('iframe[title="Interaction history widget"]');
    await expect(pop(widget, '+14155550171').locator('iframe')).toHaveAttribute(
      'src',
      new RegExp(record.uniqueId),
    );
  });

  test('a consultation gets its own tab; release ends a pop, mark done takes it away', async ({
    page,
    server,
    sim,
  }) => {
    const widget = await openDesktop(page, server);
    await expect(widget.getByRole('main')).toBeVisible();
    const first = await sim.placeCall({ ani: '+14155550172' });
    await expect(pop(widget, '+14155550172')).toBeVisible();
    await sim.answer(first.id);
    const consult = await sim.placeCall({ ani: '+14155550173', callType: 'Consult' });
    const tabs = widget.getByRole('tablist', { name: 'Calls' }).getByRole('tab');
    await expect(tabs).toHaveCount(2);
    await expect(widget.getByRole('tab', { name: '+14155550173' })).toHaveAttribute('aria-selected', 'true');
    await sim.release(consult.id);
    await expect(widget.getByRole('tab', { name: '+14155550173 (ended)' })).toBeVisible();
    const done = (await interactions(page)).find((i) => i.callUuid === consult.id);
    await page.evaluate(
      (id) => (window as unknown as import('./fixtures/wwe-desktop').Desktop).desktop.markDone(id),
      done?.interactionId ?? '',
    );
    await expect(widget.getByRole('tab', { name: /\+14155550173/ })).toHaveCount(0);
    await expect(pop(widget, '+14155550172')).toBeVisible();
  });

  test('messages from another origin, or another window, are ignored', async ({ page, server, sim }) => {
    const widget = await openDesktop(page, server);
    await expect(widget.getByRole('main')).toBeVisible();
    const forged = {
      event: 'interaction',
      data: { interactionId: 'forged-1', state: 'RINGING', ani: '+10000000666', callUuid: 'F1' },
      userAgent: 'WWE Server',
      protocolVersion: 2,
    };
    const widgetOrigin = new URL(server.url).origin;
    const intruder = await serveHtml(
      () => `<!doctype html><title>intruder</title><p id="done">posted</p><script>
        parent.frames[0].postMessage(${JSON.stringify(forged)}, '${widgetOrigin}');</script>`,
    );
    try {
      // A frame of another origin, and a frame of the desktop's own origin: neither is the parent.
      await page.evaluate(
        ([src, srcdoc]) => {
          document.body.append(Object.assign(document.createElement('iframe'), { title: 'intruder', src }));
          document.body.append(Object.assign(document.createElement('iframe'), { title: 'sibling', srcdoc }));
        },
        [
          `${intruder.origin}/`,
          `<script>parent.frames[0].postMessage(${JSON.stringify({ ...forged, data: { ...forged.data, ani: '+10000000667' } })}, '${widgetOrigin}')</script>`,
        ],
      );
      await expect(page.frameLocator('iframe[title="intruder"]').locator('#done')).toHaveText('posted');
      const record = await sim.addRecord('callReturn', '+14155550174');
      await sim.placeCall({ ani: '+14155550174' });
      await expect(pop(widget, '+14155550174').locator('iframe')).toHaveAttribute(
        'src',
        new RegExp(record.uniqueId),
      );
      await expect(widget.getByText('+10000000666')).toHaveCount(0);
      await expect(widget.getByText('+10000000667')).toHaveCount(0);
    } finally {
      intruder.server.close();
    }
  });

  test('a service WWE does not allow is answered with errorMessage: the widget goes on', async ({
    page,
    server,
    sim,
  }) => {
    const widget = await openDesktop(page, server, {
      deny: 'interaction.getInteractions,interaction.setUserData',
    });
    await expect.poll(() => requests(page)).toContain('interaction.getInteractions');
    const record = await sim.addRecord('callReturn', '+14155550175');
    await sim.placeCall({ ani: '+14155550175' });
    await expect(pop(widget, '+14155550175').locator('iframe')).toHaveAttribute(
      'src',
      new RegExp(record.uniqueId),
    );
  });
});
