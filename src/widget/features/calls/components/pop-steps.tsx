import { texts } from '../../../ui/texts';
import { type Pop, popResolution } from '../model/pop';

type StepStatus = 'done' | 'running' | 'failed' | 'skipped';

function ucsStep(pop: Pop): { status: StepStatus; text: string } {
  const { ucs } = pop;
  switch (ucs.status) {
    case 'pending':
      return { status: 'running', text: texts.ucs.pending };
    case 'found':
      return { status: 'done', text: texts.ucs.found(ucs.interactionId ?? '') };
    case 'failed':
      return { status: 'failed', text: texts.ucs.failed(ucs.detail ?? '') };
    case 'timeout':
      return { status: 'failed', text: texts.ucs.timeout };
    case 'error':
      return { status: 'failed', text: texts.ucs.error(ucs.detail ?? '') };
    default:
      return { status: 'skipped', text: texts.ucs.skipped(ucs.detail) };
  }
}

function lookupStep(pop: Pop): { status: StepStatus; text: string } {
  const resolution = popResolution(pop);
  switch (resolution.kind) {
    case 'found':
      return {
        status: 'done',
        text: texts.lookup.found(resolution.attempt.attribute, resolution.attempt.uniqueId ?? ''),
      };
    case 'not-found':
      return { status: 'failed', text: texts.lookup.notFoundAll };
    case 'error':
      return { status: 'failed', text: texts.attempt.error ?? '' };
    default:
      return { status: 'running', text: texts.lookup.pending };
  }
}

export function PopSteps({ pop }: { pop: Pop }) {
  const ucs = ucsStep(pop);
  const lookup = lookupStep(pop);
  return (
    <section className="steps" aria-label={texts.steps.heading}>
      <ol className="steps__list">
        <li className="step" data-status="done" data-step="call">
          <span className="step__name">{texts.steps.call}</span>
          <span className="step__detail">{pop.caller ?? ''}</span>
        </li>
        <li className="step" data-status={ucs.status} data-step="ucs">
          <span className="step__name">{texts.steps.ucs}</span>
          <span className="step__detail">{ucs.text}</span>
          <span className="step__ms">{texts.ms(pop.ucs.ms)}</span>
        </li>
        <li className="step" data-status={lookup.status} data-step="lookup">
          <span className="step__name">{texts.steps.lookup}</span>
          <span className="step__detail">{lookup.text}</span>
          <span className="step__ms">{pop.settledAt ? texts.ms(pop.settledAt - pop.receivedAt) : ''}</span>
          <details className="attempts">
            <summary>{texts.steps.attempts}</summary>
            <ul aria-label={texts.steps.attempts}>
              {pop.attempts.map((attempt) => (
                <li key={`${attempt.attribute}=${attempt.source}`} data-status={attempt.status}>
                  {attempt.attribute} ← {attempt.source}
                  {attempt.value ? ` (${attempt.value})` : ''}: {texts.attempt[attempt.status]}
                  {attempt.errorCode ? ` ${attempt.errorCode}` : ''} {texts.ms(attempt.ms)}
                </li>
              ))}
            </ul>
          </details>
        </li>
      </ol>
    </section>
  );
}
