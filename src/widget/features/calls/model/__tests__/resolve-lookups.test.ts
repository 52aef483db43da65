import { describe, expect, it } from 'vitest';
import type { Attempt, AttemptStatus } from '../resolve-lookups';
import { resolveLookups } from '../resolve-lookups';

const attempt = (status: AttemptStatus, attribute: Attempt['attribute'] = 'dtmf'): Attempt => ({
  attribute,
  source: 'ani',
  status,
});

describe('resolveLookups', () => {
  it('waits while a higher-priority lookup is unanswered, even if a lower one found', () => {
    expect(resolveLookups([attempt('pending'), attempt('found')])).toEqual({ kind: 'pending' });
    expect(resolveLookups([attempt('waiting'), attempt('found')])).toEqual({ kind: 'pending' });
  });

  it('shows the highest-priority hit once every higher one answered not found', () => {
    const result = resolveLookups([
      attempt('not-found'),
      attempt('skipped'),
      attempt('found', 'callReturn'),
      attempt('found'),
    ]);
    expect(result).toMatchObject({ kind: 'found', attempt: { attribute: 'callReturn' } });
  });

  it('stops at an error of a higher-priority lookup', () => {
    expect(resolveLookups([attempt('error'), attempt('found')]).kind).toBe('error');
  });

  it('is not found when every lookup was not found or had no value', () => {
    expect(resolveLookups([attempt('not-found'), attempt('skipped')])).toEqual({ kind: 'not-found' });
    expect(resolveLookups([])).toEqual({ kind: 'not-found' });
  });
});
