import type { ReactNode } from 'react';
import { useCallerNumber } from '../../../i18n/caller-number';
import { t } from '../../../i18n/i18n';
import { errorText } from '../../../i18n/texts';
import { type Pop, popPhase, popResolution } from '../model/pop';
import { PopSteps } from './pop-steps';

interface PopPanelProps {
  pop: Pop;
  /** The history page of the pop (the app hands in the history feature's frame). */
  renderHistory(historyUrl: string, pop: Pop): ReactNode;
  onRetry(callId: string): void;
}

export function PopPanel({ pop, renderHistory, onRetry }: PopPanelProps) {
  const phase = popPhase(pop);
  const resolution = popResolution(pop);
  const callerNumber = useCallerNumber();
  const caller = pop.caller === undefined ? undefined : callerNumber(pop.caller);
  const retry = (
    <button type="button" onClick={() => onRetry(pop.callId)}>
      {t('app.retry')}
    </button>
  );
  return (
    <article className="pop" data-phase={phase} aria-labelledby={`pop-${pop.callId}`}>
      <header className="pop__header">
        <h2 id={`pop-${pop.callId}`}>
          {caller === undefined ? t('pop.headingUnknown') : t('pop.heading', { caller })}
        </h2>
        <span className="pop__state">
          {t(pop.released ? 'pop.stateEnded' : 'pop.state', { state: pop.callState })}
        </span>
      </header>
      <PopSteps pop={pop} />
      {resolution.kind === 'found' && resolution.attempt.historyUrl
        ? renderHistory(resolution.attempt.historyUrl, pop)
        : null}
      {phase === 'not-found' ? (
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
    </article>
  );
}
