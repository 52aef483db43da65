import { useCallerNumber } from '../../../i18n/caller-number';
import './pop-steps.css';
import { t } from '../../../i18n/i18n';
import { durationText, selectKey } from '../../../i18n/texts';
import { type Pop, popResolution } from '../model/pop';

type StepStatus = 'done' | 'running' | 'failed' | 'skipped';

function ucsStep(pop: Pop): { status: StepStatus; text: string } {
  const { ucs } = pop;
  switch (ucs.status) {
    case 'pending':
      return { status: 'running', text: t('ucs.pending') };
    case 'found':
      return { status: 'done', text: t('ucs.found', { id: ucs.interactionId ?? '' }) };
    case 'failed':
      return { status: 'failed', text: t('ucs.failed', { detail: ucs.detail ?? '' }) };
    case 'timeout':
      return { status: 'failed', text: t('ucs.timeout') };
    case 'error':
      return { status: 'failed', text: t('ucs.error', { code: ucs.detail ?? '' }) };
    default:
      return {
        status: 'skipped',
        text: t(
          ucs.detail === 'no-gws-session'
            ? 'ucs.skippedNoSession'
            : ucs.detail === 'no-call-id'
              ? 'ucs.skippedNoCallId'
              : 'ucs.skippedNoCaller',
        ),
      };
  }
}

function lookupStep(pop: Pop): { status: StepStatus; text: string } {
  const resolution = popResolution(pop);
  switch (resolution.kind) {
    case 'found':
      return {
        status: 'done',
        text: t('lookup.found', {
          attribute: resolution.attempt.attribute,
          id: resolution.attempt.uniqueId ?? '',
        }),
      };
    case 'not-found':
      return { status: 'failed', text: t('lookup.notFoundAll') };
    case 'error':
      return { status: 'failed', text: t('lookup.failed') };
    default:
      return { status: 'running', text: t('lookup.pending') };
  }
}

export function PopSteps({ pop }: { pop: Pop }) {
  const ucs = ucsStep(pop);
  const lookup = lookupStep(pop);
  const callerNumber = useCallerNumber();
  return (
    <section className="steps" aria-label={t('steps.heading')}>
      <ol className="steps__list">
        <li className="step" data-status="done" data-step="call">
          <span className="step__name">{t('steps.call')}</span>
          <span className="step__detail">{pop.caller === undefined ? '' : callerNumber(pop.caller)}</span>
        </li>
        <li className="step" data-status={ucs.status} data-step="ucs">
          <span className="step__name">{t('steps.ucs')}</span>
          <span className="step__detail">{ucs.text}</span>
          <span className="step__ms">{durationText(pop.ucs.ms)}</span>
        </li>
        <li className="step" data-status={lookup.status} data-step="lookup">
          <span className="step__name">{t('steps.lookup')}</span>
          <span className="step__detail">{lookup.text}</span>
          <span className="step__ms">
            {pop.settledAt ? durationText(pop.settledAt - pop.receivedAt) : ''}
          </span>
          <ul className="attempts" aria-label={t('steps.attempts')}>
            {pop.attempts.map((attempt) => (
              <li key={`${attempt.attribute}=${attempt.source}`} data-status={attempt.status}>
                {t(attempt.value ? 'attempt.lineWithValue' : 'attempt.line', {
                  attribute: attempt.attribute,
                  source: attempt.source,
                  value: attempt.value,
                  status: selectKey(attempt.status),
                  code: attempt.errorCode ?? '',
                })}{' '}
                <span className="attempt__ms">{durationText(attempt.ms)}</span>
              </li>
            ))}
          </ul>
        </li>
      </ol>
    </section>
  );
}
