import type { Attribute } from '../../../shared/lookup-api';
import type { LookupOutcome, UniphoreClient } from '../../uniphore/client';

/** A Uniphore client that answers from a script and counts every upstream call. */
export class FakeUniphoreClient implements UniphoreClient {
  readonly transport = 'rest' as const;
  readonly calls: Array<{ attribute: Attribute; value: string }> = [];

  constructor(
    public answer: (attribute: Attribute, value: string) => LookupOutcome | Promise<LookupOutcome> = () => ({
      kind: 'found',
      uniqueId: 'uid-1',
      upstreamStatus: 200,
    }),
  ) {}

  async lookup(attribute: Attribute, value: string): Promise<LookupOutcome> {
    this.calls.push({ attribute, value });
    return this.answer(attribute, value);
  }
}
