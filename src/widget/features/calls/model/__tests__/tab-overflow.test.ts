import { describe, expect, it } from 'vitest';
import { countFitting, visibleTabs } from '../tab-overflow';

describe('visibleTabs', () => {
  const order = ['e', 'd', 'c', 'b', 'a'];
  it('all of them when they fit', () => {
    expect(visibleTabs(order, 'c', 5)).toEqual(order);
  });
  it('the newest ones when the active one is among them', () => {
    expect(visibleTabs(order, 'd', 2)).toEqual(['e', 'd']);
  });
  it('the active one takes the last place when it is older', () => {
    expect(visibleTabs(order, 'a', 3)).toEqual(['e', 'd', 'a']);
    expect(visibleTabs(order, 'a', 1)).toEqual(['a']);
  });
  it('at least one tab, whatever the room', () => {
    expect(visibleTabs(order, null, 0)).toEqual(['e']);
  });
});

describe('countFitting', () => {
  it('every tab when the row holds them all', () => {
    expect(countFitting([100, 100, 100], 320)).toBe(3);
  });
  it('keeps room for the +N button once some do not fit', () => {
    // 3 × (100 + 4) = 312 fits 320; four do not, and with 44 px for "+N" only two do.
    expect(countFitting([100, 100, 100, 100], 320)).toBe(2);
  });
  it('never fewer than one', () => {
    expect(countFitting([500, 500], 320)).toBe(1);
  });
});
