// The text an administrator copies to whoever helps with the deployment: one line per check, its
// evidence under it. Built only from the checklist, whose evidence holds shapes, names of keys and
// claims, origins, roles and durations: no caller number, attached-data value, token or cookie.
import type { Check, CheckStatus, Evidence } from './checks';

const MARKS: Record<CheckStatus, string> = { pass: '✓', fail: '✗', unseen: '…', info: 'i' };

export interface ReportText {
  title: string;
  area(check: Check): string;
  status(status: CheckStatus): string;
  heading(check: Check): string;
  evidence(evidence: Evidence): string;
}

export function diagnosticsReport(
  checks: readonly Check[],
  header: readonly string[],
  text: ReportText,
): string {
  const lines = [text.title, ...header, ''];
  for (const check of checks) {
    lines.push(
      `[${MARKS[check.status]}] ${text.area(check)} · ${text.heading(check)}: ${text.status(check.status)}`,
    );
    for (const evidence of check.evidence) lines.push(`      ${text.evidence(evidence)}`);
  }
  return `${lines.join('\n')}\n`;
}
