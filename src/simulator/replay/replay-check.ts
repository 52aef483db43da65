// Runs one replay of an uploaded capture in a real browser and compares each captured pop with the
// replayed one. The replayed outcomes are the widget's own PopReports as the proxy accepted them
// (POST /api/pops answered 202): the very reports the capture's `pop` entries are, from the same
// code path, so a difference is the widget deciding differently, not a test reading the page its
// own way. Used by `npm run replay -- --check` and the e2e suite.
import type { Browser, Page } from '@playwright/test';
import type { Capture } from '../../shared/capture';
import { POPS_PATH } from '../../shared/pop-feed-constants';
import type { PopReport } from '../../shared/pop-report';
import { compareOutcomes, type OutcomeRow } from './outcome-diff';
import { planReplay } from './replay-plan';

export interface ReplayTarget {
  /** The widget's origin (the proxy), e.g. http://127.0.0.1:8080. */
  widgetOrigin: string;
  /** The simulated WWE desktop's URL as `npm start` prints it (any `?widget=` is replaced). */
  desktopUrl: string | undefined;
  /** Quiet spells of the capture longer than this are cut to it (default 5 s). */
  maxGapMs?: number | undefined;
}

/** Where to watch a capture's replay: the WWE desktop in replay mode, or the widget's own view. */
export function replayUrl(capture: Capture, captureId: string, target: ReplayTarget): string {
  if (capture.widget.host === 'wwe') {
    if (!target.desktopUrl)
      throw new Error('a WWE capture replays in the simulated WWE desktop: GWS must be simulated');
    const url = new URL(target.desktopUrl);
    url.searchParams.set('widget', target.widgetOrigin);
    url.searchParams.set('replay', captureId);
    if (target.maxGapMs !== undefined) url.searchParams.set('gap', String(target.maxGapMs));
    return url.href;
  }
  return `${target.widgetOrigin}/${capture.widget.mode === 'embedded' ? '?mode=embedded' : ''}`;
}

/** Starts the GWS side of a replay through the proxy's /api/sim (the desktop starts its own). */
export async function startGwsReplay(
  widgetOrigin: string,
  captureId: string,
  options: { waitForSubscriberMs?: number; maxGapMs?: number | undefined } = {},
) {
  const response = await fetch(`${widgetOrigin}/api/sim/captures/${captureId}/replay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(options),
  });
  if (response.status !== 202) throw new Error(`replay refused: ${response.status} ${await response.text()}`);
}

/** Every pop report the page's widget got accepted, in order. */
export function collectPopReports(page: Page): PopReport[] {
  const reports: PopReport[] = [];
  page.on('response', (response) => {
    const request = response.request();
    if (request.method() !== 'POST' || new URL(request.url()).pathname !== POPS_PATH) return;
    if (response.status() === 202) reports.push(request.postDataJSON() as PopReport);
  });
  return reports;
}

/** How long a replay may take: its last message, then time for the last pop to settle. */
export function replayBudgetMs(capture: Capture, maxGapMs?: number): number {
  const plan = planReplay(capture, maxGapMs === undefined ? {} : { maxGapMs });
  const last = Math.max(
    0,
    ...plan.cometd.map((item) => item.atMs),
    ...plan.scapi.events.map((item) => item.atMs),
  );
  return last + 20_000;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether everything the capture holds was played: the desktop's replay, or the simulator's. */
async function played(
  page: Page,
  capture: Capture,
  captureId: string,
  widgetOrigin: string,
): Promise<boolean> {
  if (capture.widget.host === 'wwe') {
    const state = await page.evaluate(
      'window.desktop && window.desktop.replay && window.desktop.replay.state',
    );
    return state === 'done';
  }
  const result = (await (await fetch(`${widgetOrigin}/api/sim/captures/${captureId}/result`)).json()) as {
    replay?: { state?: string } | null;
  };
  return result.replay?.state === 'done' || result.replay?.state === 'failed';
}

export interface ReplayCheck {
  url: string;
  rows: OutcomeRow[];
  replayed: PopReport[];
  /** True when every row agrees. */
  same: boolean;
}

/**
 * Opens the replay in a fresh browser context, waits until the capture was played and as many pops
 * settled as it holds (or the budget is spent), and compares.
 */
export async function checkReplay(
  browser: Browser,
  capture: Capture,
  captureId: string,
  target: ReplayTarget,
  budgetMs = replayBudgetMs(capture, target.maxGapMs),
): Promise<ReplayCheck> {
  const expected = planReplay(capture).expected;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const replayed = collectPopReports(page);
    const url = replayUrl(capture, captureId, target);
    await page.goto(url);
    if (capture.widget.host !== 'wwe') {
      await startGwsReplay(target.widgetOrigin, captureId, { maxGapMs: target.maxGapMs });
    }
    const deadline = Date.now() + budgetMs;
    while (Date.now() < deadline) {
      if (replayed.length >= expected.length && (await played(page, capture, captureId, target.widgetOrigin)))
        break;
      await delay(100);
    }
    const rows = compareOutcomes(expected, replayed);
    return { url, rows, replayed: [...replayed], same: rows.every((row) => row.differences.length === 0) };
  } finally {
    await context.close();
  }
}
