import { errorText, texts } from '../../../ui/texts';
import { HistoryFrame } from '../../history/components/history-frame';
import { type Pop, popPhase, popResolution } from '../store/pops-store';
import { PopSteps } from './pop-steps';

interface PopPanelProps {
  pop: Pop;
  historyOrigin: string;
  onRetry(callId: string): void;
}

export function PopPanel({ pop, historyOrigin, onRetry }: PopPanelProps) {
  const phase = popPhase(pop);
  const resolution = popResolution(pop);
  const retry = (
    <button type="button" onClick={() => onRetry(pop.callId)}>
      {texts.retry}
    </button>
  );
  return (
    <article className="pop" data-phase={phase} aria-labelledby={`pop-${pop.callId}`}>
      <header className="pop__header">
        <h2 id={`pop-${pop.callId}`}>{texts.callerHeading(pop.caller)}</h2>
        <span className="pop__state">
          {pop.callState}
          {pop.released ? ` (${texts.released})` : ''}
        </span>
      </header>
      <PopSteps pop={pop} />
      {resolution.kind === 'found' && resolution.attempt.historyUrl ? (
        <HistoryFrame
          callId={pop.callId}
          caller={pop.caller}
          historyUrl={resolution.attempt.historyUrl}
          historyOrigin={historyOrigin}
        />
      ) : null}
      {phase === 'not-found' ? (
        <div className="pop__message" role="status">
          <p>{texts.notFound(pop.caller)}</p>
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
