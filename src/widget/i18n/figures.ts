// Figures of the supervisor's dashboard in the viewer's locale: counts, shares, times to pop. A module
// of its own so that none of it rides in the agent's initial load.
import { activeIntlLocale, t } from './i18n';

/** A time to pop as people read it: "850 ms", "1.2 s" (the catalogs write the units). */
export const durationShort = (ms: number): string =>
  ms < 1_000
    ? t('steps.ms', { ms: Math.round(ms) })
    : t('duration.seconds', { seconds: Math.round(ms / 100) / 10 });

let percentFormat: Intl.NumberFormat | undefined;
/** A share (0..1) in the viewer's locale: "90 %", "90%", "٩٠٪". */
export function percentText(share: number): string {
  percentFormat ??= new Intl.NumberFormat(activeIntlLocale(), { style: 'percent', maximumFractionDigits: 1 });
  return percentFormat.format(share);
}

let countFormat: Intl.NumberFormat | undefined;
/** A count in the viewer's locale ("1,200", "1.200", "١٬٢٠٠"). */
export function countText(count: number): string {
  countFormat ??= new Intl.NumberFormat(activeIntlLocale(), { maximumFractionDigits: 0 });
  return countFormat.format(count);
}
