// Upstream outcome → what the caller sees. Details are fixed sentences: nothing from the upstream
// answer (body, host, headers) is ever echoed to the browser.
import type { Attribute, Problem, ProblemCode, UniqueIdFound } from '../../shared/lookup-api';
import { problem } from '../problem';
import type { LookupOutcome } from '../uniphore/client';
import { historyUrl } from './history-url';

export type LookupReply =
  | { status: 200; body: UniqueIdFound; code: 'found' }
  | { status: number; body: Problem; code: ProblemCode };

export function outcomeReply(outcome: LookupOutcome, attribute: Attribute, template: string): LookupReply {
  switch (outcome.kind) {
    case 'found':
      return {
        status: 200,
        code: 'found',
        body: { uniqueId: outcome.uniqueId, attribute, historyUrl: historyUrl(template, outcome.uniqueId) },
      };
    case 'not_found':
      return fail(404, 'not_found', `Uniphore has no interaction for this ${attribute}`);
    case 'unauthorized':
      return fail(
        502,
        'upstream_unauthorized',
        'Uniphore refused the proxy credentials; an administrator must check UNIPHORE_TENANT_ID, UNIPHORE_APPLICATION_KEY and UNIPHORE_ENVIRONMENT_NAME',
      );
    case 'upstream_error':
      return fail(502, 'upstream_error', 'Uniphore answered with an error');
    case 'bad_response':
      return fail(502, 'upstream_bad_response', 'Uniphore answered with something that is not a unique id');
    case 'unreachable':
      return fail(502, 'upstream_unreachable', 'Uniphore could not be reached');
    case 'timeout':
      return fail(504, 'upstream_timeout', 'Uniphore did not answer in time');
  }
}

function fail(status: number, code: ProblemCode, detail: string): LookupReply {
  return { status, code, body: problem(status, code, detail) };
}
