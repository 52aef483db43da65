import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { useCallerNumber } from '../../../i18n/caller-number';
import { t } from '../../../i18n/i18n';
import { errorText } from '../../../i18n/texts';
import { type Pop, popResolution } from '../model/pop';
import { popSummary, SLOW_POP_MS, stepsExpanded } from '../model/pop-summary';
import { PopStatus } from './pop-status';

// The steps are shown on demand, or when something failed or was slow: a chunk of their own, fetched
// with the first call (agent-view.tsx) so that opening them is instant.
export const loadSteps = () => import('./pop-steps');
const PopSteps = lazy(() => loadSteps().then((m) => ({ default: m.PopSteps })));

interface PopPanelProps {
  pop: Pop;
  /** The history page of the pop, and the link to it (the app hands in the history feature's). */
  renderHistory(historyUrl: string, pop: Pop): ReactNode;
  renderHistoryLink(historyUrl: string): ReactNode;
  onRetry(callId: string): void;
}

/**
 * One call: two lines of summary (who is calling, in what state; the outcome and the time it took),
 * then the history with the rest of the height. The steps are one click away, and in full when
 * something failed or was slow.
 */
export function PopPanel({ pop, renderHistory, renderHistoryLink, onRetry }: PopPanelProps) {
  const resolution = popResolution(pop);
  const summary = popSummary(pop, Date.now());
  const [choice, setChoice] = useState<boolean | null>(null);
  // A pop still running when it turns slow shows its steps then, without waiting for an answer.
  const [, wake] = useState(0);
  const running = summary.totalMs === undefined && !pop.released && !summary.slow;
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => wake((n) => n + 1), pop.receivedAt + SLOW_POP_MS + 1 - Date.now());
    return () => clearTimeout(timer);
  }, [running, pop.receivedAt]);
  const expanded = stepsExpanded(summary, choice);
  const callerNumber = useCallerNumber();
  const caller = pop.caller === undefined ? undefined : callerNumber(pop.caller);
  const historyUrl = resolution.kind === 'found' ? resolution.attempt.historyUrl : undefined;
  const stepsId = `steps-${pop.callId}`;
  const retry = (
    <button type="button" onClick={() => onRetry(pop.callId)}>
      {t('app.retry')}
    </button>
  );
  return (
    <article
      className="pop"
      data-phase={summary.phase}
      aria-label={caller === undefined ? t('pop.headingUnknown') : t('pop.heading', { caller })}
    >
      <header className="pop__summary">
        <div className="pop__line">
          <h2 className="pop__caller">{caller ?? t('calls.tabUnknown')}</h2>
          <span className="pop__state" data-state={pop.released ? 'Released' : pop.callState}>
            {pop.released ? t('pop.ended') : t('pop.state', { state: pop.callState })}
          </span>
          {historyUrl ? <span className="pop__open">{renderHistoryLink(historyUrl)}</span> : null}
        </div>
        <div className="pop__line">
          <PopStatus pop={pop} summary={summary} />
          <button
            type="button"
            className="pop__details-toggle"
            aria-expanded={expanded}
            aria-controls={stepsId}
            onClick={() => setChoice(!expanded)}
          >
            {t('pop.details')}
          </button>
        </div>
      </header>
      {/* Rendered only when open: a settled pop's steps cost nothing on the way to its history. */}
      <div id={stepsId} className="pop__steps" hidden={!expanded}>
        {expanded ? (
          <Suspense fallback={null}>
            <PopSteps pop={pop} />
          </Suspense>
        ) : null}
      </div>
      {summary.phase === 'not-found' ? (
        <div className="pop__message" role="status">
          <p>{caller === undefined ? t('pop.notFoundUnknown') : t('pop.notFound', { caller })}</p>
          {pop.released ? null : retry}
        </div>
      ) : null}
      {resolution.kind === 'error' ? (
        <div className="pop__message pop__message--error" role="alert">
          <p>{errorText(resolution.attempt.errorCode ?? 'upstream_error')}</p>
          {pop.released ? null : retry}
        </div>
      ) : null}
      {historyUrl ? renderHistory(historyUrl, pop) : null}
    </article>
  );
}
