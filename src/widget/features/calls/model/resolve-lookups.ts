// Lookups run in parallel; the answer shown is the highest-priority hit once every higher-priority
// candidate has answered "not found". Any other failure of a higher candidate stops with that error.
import type { Attribute } from '../../../../shared/lookup-api';

export type AttemptStatus = 'waiting' | 'pending' | 'found' | 'not-found' | 'skipped' | 'error';

export interface Attempt {
  attribute: Attribute;
  source: string;
  value?: string | undefined;
  status: AttemptStatus;
  uniqueId?: string | undefined;
  historyUrl?: string | undefined;
  errorCode?: string | undefined;
  ms?: number | undefined;
}

export type Resolution =
  | { kind: 'pending' }
  | { kind: 'found'; attempt: Attempt }
  | { kind: 'not-found' }
  | { kind: 'error'; attempt: Attempt };

export function resolveLookups(attempts: readonly Attempt[]): Resolution {
  for (const attempt of attempts) {
    switch (attempt.status) {
      case 'skipped':
      case 'not-found':
        continue;
      case 'found':
        return { kind: 'found', attempt };
      case 'error':
        return { kind: 'error', attempt };
      default:
        return { kind: 'pending' };
    }
  }
  return { kind: 'not-found' };
}
