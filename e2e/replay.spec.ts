// Captures replayed through the real proxy, simulator and Chromium: the shipped GWS capture (made
// from the public GWS samples) pops what it says (the WWE one: replay-wwe.spec.ts); a malformed capture is refused and changes
// nothing; a capture whose outcome the replay does not reach is reported as a difference.
import type { Capture } from '../src/shared/capture';
import { checkReplay, collectPopReports, startGwsReplay } from '../src/simulator/replay/replay-check';
import { siteEnv } from '../src/simulator/replay/site-env';
import { openSteps } from './fixtures/pop';
import { article, expectSameOutcomes, GAP_MS, GWS_CAPTURE, pops, upload } from './fixtures/replay';
import { expect, test } from './fixtures/server';
import { desktopUrl } from './fixtures/wwe-desktop';

// The product runs with the GWS sample's site settings (its PROXY_AUTH and LOOKUP_ORDER).
test.use({ serverEnv: siteEnv(GWS_CAPTURE.site) });

test.describe('the GWS sample capture, replayed to the agent view', () => {
  test('pops the found caller’s history and says the other one has none, as captured', async ({
    page,
    sim,
  }) => {
    test.setTimeout(60_000);
    const [found, notFound] = pops(GWS_CAPTURE);
    const reports = collectPopReports(page);
    await page.goto('/');
    const id = await upload(sim, GWS_CAPTURE);
    await startGwsReplay(new URL(page.url()).origin, id, { maxGapMs: GAP_MS });

    const first = article(page, found?.caller);
    await expect(await openSteps(first)).toContainText(`found by dtmf: ${found?.uniqueId}`);
    await expect(first.locator('iframe')).toHaveAttribute('src', new RegExp(`/history/${found?.uniqueId}$`));
    await expect(
      page.getByRole('tab', { name: new RegExp(`^${notFound?.caller?.replace('+', '\\+')}`) }),
    ).toBeVisible();
    await expect(article(page, notFound?.caller)).toContainText(
      `No interaction history found for ${notFound?.caller}`,
    );
    await expectSameOutcomes(reports, GWS_CAPTURE);
    await expect
      .poll(
        async () =>
          (await sim.call<{ replay: { state: string } }>('GET', `/captures/${id}/result`)).replay.state,
      )
      .toBe('done');
  });
});

test.describe('captures the simulator refuses, and replays that differ', () => {
  test('a malformed capture is refused with 400 and a clear message; nothing changes', async ({
    server,
    sim,
  }) => {
    const records = await sim.call('GET', '/uniphore/records');
    const broken = {
      ...GWS_CAPTURE,
      entries: [...GWS_CAPTURE.entries, { at: 1, via: 'cometd', dir: 'in', data: {} }],
    };
    const response = await fetch(new URL('/api/sim/captures', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(broken),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'invalid_capture',
      message: `/entries/${GWS_CAPTURE.entries.length}/channel: is required`,
    });
    expect(await sim.call('GET', '/uniphore/records')).toEqual(records);
  });

  test('a capture claiming an outcome the replay does not reach is reported as a difference', async ({
    browser,
    server,
    sim,
  }) => {
    test.setTimeout(60_000);
    // Call B has no DTMF code: however Uniphore is seeded, the widget never looks one up for it.
    const claimed = {
      ...GWS_CAPTURE,
      entries: GWS_CAPTURE.entries.map((entry) =>
        entry.via === 'pop' && entry.data.outcome === 'not-found'
          ? {
              ...entry,
              data: {
                ...entry.data,
                outcome: 'found',
                attribute: 'dtmf',
                value: '0000',
                uniqueId: 'claimed-1',
              },
            }
          : entry,
      ),
    } as Capture;
    const id = await upload(sim, claimed);
    const target = {
      widgetOrigin: new URL(server.url).origin,
      desktopUrl: desktopUrl(server).href,
      maxGapMs: GAP_MS,
    };
    const result = await checkReplay(browser, claimed, id, target);
    expect(result.same).toBe(false);
    expect(result.rows.map((row) => row.differences)).toEqual([
      [],
      [
        'outcome: found → not-found',
        'attribute: dtmf → (none)',
        'value: 0000 → (none)',
        'uniqueId: claimed-1 → (none)',
      ],
    ]);
  });
});
