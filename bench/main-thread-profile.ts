// Where the widget's main-thread time goes per pop, on a throttled CPU: a CDP sampling profile of the
// embedded view over a run of pops, each sample's frame mapped through dist/'s source maps to the
// source file (a package name for node_modules), self time summed per file and divided by the pops.
// What it shows is what to take off the critical path; the pop latency figures say whether it paid.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { SourceMapConsumer } from 'source-map-js';
import { waitForCallMark } from './page-marks';
import { BETWEEN_CALLS_MS } from './pop-latency';
import { withWidgetPage } from './widget-page';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface MainThreadShare {
  /** A source file of the widget, a package, or a V8 category ((garbage collector), (program)…). */
  where: string;
  /** Self time per pop, ms. */
  msPerPop: number;
}

/** A source path as read in the table: `src/widget/…`, or the package for anything in node_modules. */
function sourceName(source: string): string {
  const modules = source.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = source.slice(modules + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? source);
  }
  return source.replace(/^(\.\.\/)+/, '').replace(/\?.*$/, '');
}

/** Maps bundle positions to source files, one consumer per chunk, loaded on first use. */
function sourceResolver(dist: string) {
  const consumers = new Map<string, Promise<SourceMapConsumer | null>>();
  const consumer = (url: string) => {
    const file = path.join(dist, new URL(url).pathname);
    let found = consumers.get(file);
    if (!found) {
      found = readFile(`${file}.map`, 'utf8')
        .then((text) => new SourceMapConsumer(JSON.parse(text)))
        .catch(() => null);
      consumers.set(file, found);
    }
    return found;
  };
  return async (frame: CallFrame): Promise<string> => {
    if (!frame.url) return frame.functionName || '(anonymous)';
    if (!frame.url.includes('/assets/')) return new URL(frame.url).pathname;
    const map = await consumer(frame.url);
    const position = map?.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
    return position?.source ? sourceName(position.source) : `${new URL(frame.url).pathname} (unmapped)`;
  };
}

async function pops(page: Page, sim: Parameters<Parameters<typeof withWidgetPage>[0]>[1], calls: number) {
  for (let i = 0; i < calls; i++) {
    const call = await sim.placeCall({ ani: '+14155550100' });
    await waitForCallMark(page, 'uhw:history-src-set', call.id);
    await sim.release(call.id);
    await new Promise((resolve) => setTimeout(resolve, BETWEEN_CALLS_MS));
  }
}

/** Self time per pop by source file, largest first (idle time left out). */
export async function mainThreadProfile(calls: number, cpuThrottle: number): Promise<MainThreadShare[]> {
  return withWidgetPage(
    async (page, sim) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      // One pop first, unmeasured: lazy chunks (the steps, the framing check) arrive with it.
      await pops(page, sim, 1);
      await cdp.send('Profiler.start');
      await pops(page, sim, calls);
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
      const selfUs = new Map<number, number>();
      profile.samples.forEach((id, index) => {
        selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
      });
      const resolve = sourceResolver(path.resolve('dist'));
      const totals = new Map<string, number>();
      for (const [id, us] of selfUs) {
        const node = byNode.get(id);
        if (!node || node.callFrame.functionName === '(idle)') continue;
        const where = await resolve(node.callFrame);
        totals.set(where, (totals.get(where) ?? 0) + us);
      }
      return [...totals]
        .map(([where, us]) => ({ where, msPerPop: us / 1000 / calls }))
        .sort((a, b) => b.msPerPop - a.msPerPop);
    },
    { cpuThrottle },
  );
}
