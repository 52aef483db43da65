// Whether a replay came to what the site came to: each captured pop against the replayed pop of the
// same call, field by field. Timings, receivedAt and the history URL (its origin is the site's
// Uniphore, not the simulator's) are not compared; the unique id the URL carries is.
import type { PopReport } from '../../shared/pop-report';

export const COMPARED_FIELDS = [
  'outcome',
  'attribute',
  'value',
  'uniqueId',
  'errorCode',
  'ucs',
  'caller',
  'source',
] as const;

export interface OutcomeRow {
  callId: string;
  captured?: PopReport;
  replayed?: PopReport;
  /** `field: captured → replayed`, empty when they agree. */
  differences: string[];
}

const show = (value: unknown) => (value === undefined ? '(none)' : String(value));

/** One row per pop, captured ones first, in their order; replayed pops of other calls after them. */
export function compareOutcomes(
  captured: readonly PopReport[],
  replayed: readonly PopReport[],
): OutcomeRow[] {
  const left = [...replayed];
  const rows: OutcomeRow[] = captured.map((expected) => {
    const index = left.findIndex((pop) => pop.callId === expected.callId);
    const actual = index >= 0 ? left.splice(index, 1)[0] : undefined;
    if (!actual)
      return { callId: expected.callId, captured: expected, differences: ['no pop in the replay'] };
    const differences = COMPARED_FIELDS.filter((field) => expected[field] !== actual[field]).map(
      (field) => `${field}: ${show(expected[field])} → ${show(actual[field])}`,
    );
    return { callId: expected.callId, captured: expected, replayed: actual, differences };
  });
  for (const extra of left) {
    rows.push({ callId: extra.callId, replayed: extra, differences: ['not in the capture'] });
  }
  return rows;
}

/** The rows as a fixed-width table for a terminal. */
export function outcomeTable(rows: readonly OutcomeRow[]): string {
  const lines = [['call', 'captured', 'replayed', 'verdict']];
  for (const row of rows) {
    const summary = (pop?: PopReport) =>
      pop ? [pop.outcome, pop.attribute, pop.ucs && `ucs ${pop.ucs}`].filter(Boolean).join(' ') : '—';
    lines.push([
      row.callId,
      summary(row.captured),
      summary(row.replayed),
      row.differences.length === 0 ? 'same' : `DIFFERENT: ${row.differences.join('; ')}`,
    ]);
  }
  const widths = lines[0]!.map((_, column) => Math.max(...lines.map((line) => line[column]!.length)));
  return lines
    .map((line) =>
      line
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
