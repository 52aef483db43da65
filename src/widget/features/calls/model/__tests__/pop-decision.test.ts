import { describe, expect, it } from 'vitest';
import { parseLookupOrder } from '../../../../../shared/lookup-order';
import { decidePop, lookupInputs } from '../pop-decision';

const order = parseLookupOrder(
  'historySearchId=userData.historySearchId,historySearchId=interactionId,callReturn=ani',
);
const call = (state: string, userData?: Record<string, string>) => ({ id: 'C1', state, userData });

describe('decidePop', () => {
  it('starts on Ringing and on Established, not on Dialing or Held', () => {
    expect(decidePop(undefined, call('Ringing'), '')).toBe('start');
    expect(decidePop(undefined, call('Established'), '')).toBe('start');
    expect(decidePop(undefined, call('Dialing'), '')).toBe('ignore');
    expect(decidePop(undefined, call('Held'), '')).toBe('ignore');
  });

  it('never starts a handled call twice', () => {
    const inputs = lookupInputs(call('Ringing'), '+1', order);
    const handled = { lookupInputs: inputs, released: false };
    expect(decidePop(handled, call('Ringing'), inputs)).toBe('update');
    expect(decidePop(handled, call('Established'), inputs)).toBe('update');
  });

  it('refreshes when data the lookups depend on arrives late', () => {
    const before = lookupInputs(call('Ringing'), '+1', order);
    const after = lookupInputs(call('Established', { historySearchId: 'H1' }), '+1', order);
    expect(after).not.toBe(before);
    expect(decidePop({ lookupInputs: before, released: false }, call('Established'), after)).toBe('refresh');
  });

  it('is not moved by attached data the lookups do not read', () => {
    expect(lookupInputs(call('Ringing', { Other: 'x' }), '+1', order)).toBe(
      lookupInputs(call('Ringing'), '+1', order),
    );
  });

  it('releases once, and ignores events after release', () => {
    const handled = { lookupInputs: '', released: false };
    expect(decidePop(handled, call('Released'), '')).toBe('release');
    expect(decidePop({ ...handled, released: true }, call('Released'), '')).toBe('ignore');
    expect(decidePop({ ...handled, released: true }, call('Established'), 'x')).toBe('ignore');
    expect(decidePop(undefined, call('Released'), '')).toBe('ignore');
  });
});
