// Every shipped locale, and the pseudo-locale, in all three views: the agent view with a pop, the
// 320 px embedded view (no horizontal scroll: German and the pseudo-locale are the long ones) and the
// supervisor view; `<html lang dir>`, the title and formatted caller numbers follow the locale; Arabic
// lays out right to left; axe finds nothing; in the pseudo-locale no text bypasses the catalogs.
import { expectLocale } from './fixtures/locale';
import { expect, test } from './fixtures/server';

// Caller numbers formatted for people, as deployed by default (the other specs see them raw).
test.use({ serverEnv: { CALLER_NUMBER_REGION: 'auto' } });

interface Case {
  lang: string;
  html: string;
  dir: 'ltr' | 'rtl';
  /** The page title, the agent view's heading. */
  title: string | RegExp;
  /** +14155550100 as the agent reads it: national in the US, international elsewhere. */
  caller: string;
}

const CASES: Case[] = [
  { lang: 'en', html: 'en', dir: 'ltr', title: 'Interaction history', caller: '(415) 555-0100' },
  { lang: 'fr', html: 'fr', dir: 'ltr', title: 'Historique des interactions', caller: '+1 415 555 0100' },
  { lang: 'de', html: 'de', dir: 'ltr', title: 'Interaktionsverlauf', caller: '+1 415 555 0100' },
  { lang: 'es', html: 'es', dir: 'ltr', title: 'Historial de interacciones', caller: '+1 415 555 0100' },
  { lang: 'pt-BR', html: 'pt-BR', dir: 'ltr', title: 'Histórico de interações', caller: '+1 415 555 0100' },
  { lang: 'ja', html: 'ja', dir: 'ltr', title: 'インタラクション履歴', caller: '+1 415 555 0100' },
  { lang: 'ar', html: 'ar', dir: 'rtl', title: 'سجل التفاعلات', caller: '+1 415 555 0100' },
  { lang: 'pseudo', html: 'en-XA', dir: 'ltr', title: /^\[ÎÎñţééŕ/, caller: '(415) 555-0100' },
];

for (const c of CASES) {
  test(`${c.lang}: agent, embedded 320 px and supervisor views`, async ({ page, context, sim }) => {
    // Agent view, a call popped with its history.
    await page.goto(`/?lang=${c.lang}`);
    await expect(page).toHaveTitle(c.title);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.title);
    const call = await sim.placeCall({ ani: '+14155550100' });
    const pop = page.getByRole('article');
    await expect(pop.locator('iframe')).toBeVisible();
    await expect(pop.getByRole('heading', { level: 2 })).toContainText(c.caller);
    if (c.dir === 'rtl') {
      // The number inside right-to-left text keeps its own left-to-right order.
      const x = await pop.getByRole('heading', { level: 2 }).evaluate((heading) => {
        const text = heading.firstChild as Text;
        const at = (part: string) => {
          const range = document.createRange();
          range.setStart(text, text.data.indexOf(part));
          range.setEnd(text, text.data.indexOf(part) + part.length);
          return range.getBoundingClientRect().x;
        };
        return { plus: at('+1'), last: at('0100') };
      });
      expect(x.plus).toBeLessThan(x.last);
    }
    await expectLocale(page, c);
    if (process.env.UPDATE_SCREENSHOTS && c.lang === 'ar') {
      await page.screenshot({ path: 'e2e/screenshots/agent-ar.png' });
    }

    // Embedded, 320 px, two calls: tabs, the longest texts, nothing sticking out.
    await sim.release(call.id);
    const embedded = await context.newPage();
    await embedded.setViewportSize({ width: 320, height: 640 });
    await embedded.goto(`/?mode=embedded&lang=${c.lang}`);
    await expect(embedded.locator('.connection[data-state="connected"]')).toBeVisible();
    await sim.placeCall({ ani: '+33123456789' });
    await sim.placeCall({ ani: '+14155550100', callType: 'Consult' });
    const tabs = embedded.getByRole('tab');
    await expect(tabs).toHaveCount(2);
    await expect(embedded.getByRole('article').locator('iframe')).toBeVisible();
    await expect(tabs.nth(1)).toContainText(c.lang === 'fr' ? '01 23 45 67 89' : '+33 1 23 45 67 89');
    const overflow = await embedded.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    if (c.dir === 'rtl') {
      // Mirrored: the first tab is the rightmost, the heading starts at the right edge.
      const [first, second] = [await tabs.nth(0).boundingBox(), await tabs.nth(1).boundingBox()];
      expect(first!.x).toBeGreaterThan(second!.x);
      const heading = await embedded.getByRole('heading', { level: 1 }).boundingBox();
      expect(heading!.x + heading!.width).toBeGreaterThan(320 - 40);
    }
    await expectLocale(embedded, c);
    if (process.env.UPDATE_SCREENSHOTS && c.lang === 'de') {
      await embedded.screenshot({ path: 'e2e/screenshots/embedded-de.png' });
    }
    await embedded.close();

    // Supervisor: a search by deep link beside the live feed of the agent's pops.
    const supervisor = await context.newPage();
    await supervisor.goto(
      `/?mode=supervisor&lang=${c.lang}&attribute=historySearchId&value=744907dd90-6b2e7b816f538cd`,
    );
    await expect(supervisor.locator('.search-result iframe')).toBeVisible();
    const feedState = supervisor.locator('.feed__state');
    await expect(feedState).not.toHaveAttribute('data-state', 'connecting');
    if ((await feedState.getAttribute('data-state')) === 'live') {
      // Where the proxy serves the team feed, its rows are checked too.
      await sim.placeCall({ ani: '+19995550000' });
      await expect(supervisor.locator('.feed__table tbody tr[data-row]')).not.toHaveCount(0);
    }
    await expectLocale(supervisor, c);
    // The dashboard at 1280 px in this locale: nothing sideways, no cell of the feed or agents cut.
    const cut = await supervisor.evaluate(() => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      cells: [...document.querySelectorAll('.feed__table :is(td, th), .agents__table :is(td, th), .kpi')]
        .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
        .map((cell) => cell.textContent),
    }));
    expect(cut).toEqual({ page: 0, cells: [] });
    await supervisor.close();
  });
}
