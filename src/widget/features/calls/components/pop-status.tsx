import { t } from '../../../i18n/i18n';
import { durationText } from '../../../i18n/texts';
import { useNow } from '../../../ui/use-now';
import type { Pop } from '../model/pop';
import type { PopSummary } from '../model/pop-summary';

/** Elapsed time is shown once a pop has run this long: most pops are over well before. */
const SHOW_ELAPSED_AFTER_MS = 1_000;

/** Seconds since `since`, ticking once a second, while `running`; only this element re-renders. */
function Elapsed({ since }: { since: number }) {
  const ms = useNow(1_000) - since;
  if (ms < SHOW_ELAPSED_AFTER_MS) return null;
  return <span className="pop__ms">{t('pop.elapsed', { seconds: Math.floor(ms / 1_000) })}</span>;
}

/** The outcome of a pop in a few words, or the step it is at and for how long. */
export function PopStatus({ pop, summary }: { pop: Pop; summary: PopSummary }) {
  const { phase } = summary;
  const running = phase === 'finding-interaction' || phase === 'looking-up';
  const text = running
    ? t(phase === 'finding-interaction' ? 'pop.progress.ucs' : 'pop.progress.lookup')
    : t(
        phase === 'shown'
          ? 'pop.outcome.found'
          : phase === 'not-found'
            ? 'pop.outcome.notFound'
            : 'pop.outcome.error',
      );
  return (
    <p className="pop__status" data-phase={phase} data-problem={summary.problem || undefined}>
      <span className="pop__status-text">{text}</span>
      {summary.totalMs !== undefined ? (
        <span className="pop__ms">{durationText(summary.totalMs)}</span>
      ) : running && !pop.released ? (
        <Elapsed since={pop.receivedAt} />
      ) : null}
      {summary.problem && phase === 'shown' ? (
        <span className="pop__warning">{t('pop.stepFailed')}</span>
      ) : null}
    </p>
  );
}
