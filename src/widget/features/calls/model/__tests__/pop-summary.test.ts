import { describe, expect, it } from 'vitest';
import type { Pop } from '../pop';
import { popSummary, SLOW_POP_MS, stepsExpanded } from '../pop-summary';

const base: Pop = {
  callId: 'C1',
  source: 'gws',
  caller: '+14155550100',
  callState: 'Ringing',
  receivedAt: 1_000,
  ucs: { status: 'found', interactionId: 'UCS1', ms: 40 },
  attempts: [
    { attribute: 'historySearchId', source: 'interactionId', value: 'UCS1', status: 'not-found' },
    {
      attribute: 'callReturn',
      source: 'ani',
      value: '+14155550100',
      status: 'found',
      uniqueId: 'u-1',
      historyUrl: 'https://h.example/u-1',
    },
  ],
  settledAt: 1_175,
  released: false,
};

describe('popSummary', () => {
  it('a quick pop that found the history collapses to its outcome and time', () => {
    const summary = popSummary(base, 5_000);
    expect(summary).toEqual({ phase: 'shown', totalMs: 175, problem: false, slow: false });
    expect(stepsExpanded(summary, null)).toBe(false);
  });

  it('a UCS timeout is a problem even when the caller number found the history', () => {
    const summary = popSummary({ ...base, ucs: { status: 'timeout', ms: 5_000 } }, 9_000);
    expect(summary.problem).toBe(true);
    expect(stepsExpanded(summary, null)).toBe(true);
  });

  it('a failed lookup is a problem; not found is an answer, not a problem', () => {
    const failed = popSummary(
      { ...base, attempts: [{ attribute: 'dtmf', source: 'userData', value: '1', status: 'error' }] },
      2_000,
    );
    expect(failed).toMatchObject({ phase: 'error', problem: true });
    const notFound = popSummary(
      { ...base, attempts: [{ attribute: 'dtmf', source: 'userData', value: '1', status: 'not-found' }] },
      2_000,
    );
    expect(notFound).toMatchObject({ phase: 'not-found', problem: false });
  });

  it('a slow pop shows its steps, settled or still running', () => {
    const slowSettled = popSummary({ ...base, settledAt: base.receivedAt + SLOW_POP_MS + 1 }, 99_000);
    expect(slowSettled.slow).toBe(true);
    const running: Pop = {
      ...base,
      settledAt: undefined,
      ucs: { status: 'pending' },
      attempts: [{ attribute: 'historySearchId', source: 'interactionId', status: 'waiting' }],
    };
    expect(popSummary(running, base.receivedAt + 100)).toMatchObject({
      phase: 'finding-interaction',
      totalMs: undefined,
      slow: false,
    });
    expect(popSummary(running, base.receivedAt + SLOW_POP_MS + 1).slow).toBe(true);
  });

  it("the agent's own choice wins over the automatic one", () => {
    const problem = popSummary({ ...base, ucs: { status: 'error', detail: 'http_500' } }, 2_000);
    expect(stepsExpanded(problem, false)).toBe(false);
    expect(stepsExpanded(popSummary(base, 2_000), true)).toBe(true);
  });
});
