// What the agent's status line says of a pop, and whether its steps must be shown in full: once a pop
// settles the steps collapse to one line, unless something failed or the pop was slow, when the agent
// (or whoever they call for help) needs the whole trace without asking for it.
import { type Pop, type PopPhase, popPhase } from './pop';

/** A pop slower than this shows its steps: the time-to-pop alert of the operators' runbook is 2 s. */
export const SLOW_POP_MS = 2_000;

export interface PopSummary {
  phase: PopPhase;
  /** Call received → outcome known; undefined while the pop runs. */
  totalMs: number | undefined;
  /** A step failed: UCS did not answer or refused, or a lookup failed. */
  problem: boolean;
  /** Took (or is taking) longer than SLOW_POP_MS. */
  slow: boolean;
}

const UCS_PROBLEMS = new Set(['failed', 'timeout', 'error']);

export function popSummary(pop: Pop, now: number): PopSummary {
  const phase = popPhase(pop);
  const totalMs = pop.settledAt === undefined ? undefined : Math.max(0, pop.settledAt - pop.receivedAt);
  const problem =
    phase === 'error' ||
    UCS_PROBLEMS.has(pop.ucs.status) ||
    pop.attempts.some((attempt) => attempt.status === 'error');
  const elapsed = totalMs ?? (pop.released ? 0 : now - pop.receivedAt);
  return { phase, totalMs, problem, slow: elapsed > SLOW_POP_MS };
}

/** Whether the steps are shown: the agent's own choice, else in full when something needs a look. */
export const stepsExpanded = (summary: PopSummary, choice: boolean | null): boolean =>
  choice ?? (summary.problem || summary.slow);
