// Small statistics helpers for the benchmarks.
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** The middle run by `measure` (the upper middle of an even count): one noisy run cannot move it. */
export function medianBy<T>(runs: readonly T[], measure: (run: T) => number): T {
  const sorted = [...runs].sort((a, b) => measure(a) - measure(b));
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (middle === undefined) throw new Error('no runs');
  return middle;
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export interface Figure {
  name: string;
  value: number;
  baseline: number;
  unit: string;
  /** value / baseline must stay at or below this (undefined: informational). */
  targetRatio?: number;
  /** Or an absolute target on the value. */
  targetMax?: number;
  note?: string;
}

export function verdict(figure: Figure): 'pass' | 'FAIL' | '' {
  if (figure.targetRatio !== undefined)
    return figure.value / figure.baseline <= figure.targetRatio ? 'pass' : 'FAIL';
  if (figure.targetMax !== undefined) return figure.value <= figure.targetMax ? 'pass' : 'FAIL';
  return '';
}

export function table(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.name,
    `${round(f.value, 2)} ${f.unit}`,
    `${round(f.baseline, 2)} ${f.unit}`,
    Number.isFinite(f.value / f.baseline) ? `${round(f.value / f.baseline, 2)}×` : '',
    f.targetRatio !== undefined
      ? `≤ ${f.targetRatio}×`
      : f.targetMax !== undefined
        ? `≤ ${f.targetMax} ${f.unit}`
        : '',
    verdict(f),
  ]);
  const header = ['figure', 'value', 'baseline', 'ratio', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
