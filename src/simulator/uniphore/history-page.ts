// A stand-in for the Interact history page of one interaction: self-contained, frameable.
import { escapeHtml } from '../html';

const STEPS = [
  'Opened the support Interaction from the website',
  'Identified with the account number',
  'Chose "Billing question"',
  'Uploaded a photo of the invoice',
  'Asked to be called back',
];

export function historyPage(uniqueId: string): string {
  const id = escapeHtml(uniqueId);
  const items = STEPS.map(
    (step, index) =>
      `<li><time>${String(9 + index).padStart(2, '0')}:0${index} </time>${escapeHtml(step)}</li>`,
  ).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Interaction history</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;margin:0;padding:1rem;color:#1b1f24;background:#fff}
h1{font-size:1.1rem;margin:0 0 .5rem}code{background:#eef1f4;padding:.1rem .3rem;border-radius:4px}
ol{padding-left:1.2rem}li{margin:.3rem 0}time{color:#57606a;font-variant-numeric:tabular-nums}</style></head>
<body><main><h1>Interaction history</h1><p>Interaction <code>${id}</code></p>
<h2 style="font-size:1rem">Customer journey</h2><ol>${items}</ol></main></body></html>`;
}

export const unknownHistoryPage = (uniqueId: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body><p>No interaction ${escapeHtml(uniqueId)}.</p></body></html>`;
