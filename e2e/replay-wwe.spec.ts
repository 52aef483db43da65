// The shipped WWE capture (made from the MIT sample client's SCAPI shapes) replayed by the simulated
// WWE desktop (?replay=) to the real widget, through the real proxy (PROXY_AUTH=jwt) and simulator.
import { collectPopReports } from '../src/simulator/replay/replay-check';
import { siteEnv } from '../src/simulator/replay/site-env';
import { openSteps } from './fixtures/pop';
import { article, expectSameOutcomes, GAP_MS, pops, upload, WWE_CAPTURE } from './fixtures/replay';
import { expect, test } from './fixtures/server';
import { type Desktop, openDesktop } from './fixtures/wwe-desktop';

// The product runs with the WWE sample's site settings (PROXY_AUTH=jwt, the write-back key).
test.use({ serverEnv: siteEnv(WWE_CAPTURE.site) });

test.describe('the WWE sample capture, replayed by the simulated WWE desktop', () => {
  test('pops the history found by the UCS interaction id, answering the widget from the capture', async ({
    page,
    server,
    sim,
  }) => {
    test.setTimeout(60_000);
    const [found] = pops(WWE_CAPTURE);
    const reports = collectPopReports(page);
    const id = await upload(sim, WWE_CAPTURE);
    const widget = await openDesktop(page, server, { replay: id, gap: String(GAP_MS) });

    const pop = article(widget, found?.caller);
    await expect(await openSteps(pop)).toContainText(`found by historySearchId: ${found?.uniqueId}`);
    await expect(pop.locator('iframe')).toHaveAttribute('src', new RegExp(`/history/${found?.uniqueId}$`));
    const listed = page.getByRole('list', { name: 'Interactions' }).getByRole('listitem');
    await expect(listed).toHaveCount(1);
    await expect(listed).toContainText(`Inbound call ${found?.caller}`);
    await expectSameOutcomes(reports, WWE_CAPTURE);
    // Every captured event played, every request answered from the capture.
    const replay = () =>
      page.evaluate(
        () =>
          (window as unknown as Desktop & { desktop: { replay: Record<string, unknown> } }).desktop.replay,
      );
    await expect.poll(async () => (await replay()).state).toBe('done');
    expect(await replay()).toMatchObject({ played: 6, events: 6, unmatched: [], offSchema: [] });
    // The capture ends with the interaction marked done: its pop, shown until then, leaves the widget.
    await expect(pop).toHaveCount(0);
    await expect(listed).toHaveCount(0);
  });
});
