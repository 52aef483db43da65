import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CreateInteractionResponse } from '../../../../../shared/gws-messages';
import { CorrelationTimeoutError, Correlator } from '../correlation';

const success = (referenceId: number | string, interactionId = 'IX'): CreateInteractionResponse => ({
  referenceId,
  messageType: 'createInteractionResponse',
  interactionId,
  isCreated: 'true',
});

describe('Correlator', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('matches a notification that arrives after the acknowledgement', async () => {
    const correlator = new Correlator();
    const waiting = correlator.wait(7, 1_000);
    expect(correlator.accept(success(7, 'A'))).toBe('matched');
    await expect(waiting).resolves.toMatchObject({ interactionId: 'A' });
  });

  it('keeps a notification that races ahead of its acknowledgement', async () => {
    const correlator = new Correlator();
    expect(correlator.accept(success(8, 'B'))).toBe('buffered');
    await expect(correlator.wait(8, 1_000)).resolves.toMatchObject({ interactionId: 'B' });
    expect(correlator.size.buffered).toBe(0);
  });

  it('matches numeric and string referenceIds alike', async () => {
    const correlator = new Correlator();
    const waiting = correlator.wait('9', 1_000);
    correlator.accept(success(9));
    await expect(waiting).resolves.toBeDefined();
  });

  it('ignores duplicates, before and after settling', async () => {
    const correlator = new Correlator();
    correlator.accept(success(1));
    expect(correlator.accept(success(1))).toBe('duplicate');
    await correlator.wait(1, 1_000);
    expect(correlator.accept(success(1))).toBe('duplicate');
  });

  it('times out when no notification comes, and ignores a late one', async () => {
    const correlator = new Correlator();
    const waiting = correlator.wait(2, 500);
    const assertion = expect(waiting).rejects.toBeInstanceOf(CorrelationTimeoutError);
    vi.advanceTimersByTime(501);
    await assertion;
    expect(correlator.accept(success(2))).toBe('duplicate');
    expect(correlator.size.waiting).toBe(0);
  });

  it('drops unknown notifications once they expire', () => {
    let now = 0;
    const correlator = new Correlator({ bufferTtlMs: 1_000, now: () => now });
    correlator.accept(success(100));
    now = 2_000;
    correlator.accept(success(101));
    expect(correlator.size.buffered).toBe(1);
  });

  it('bounds the early buffer', () => {
    const correlator = new Correlator({ maxBuffered: 3 });
    for (let id = 0; id < 10; id += 1) correlator.accept(success(id));
    expect(correlator.size.buffered).toBe(3);
  });

  it('refuses a referenceId already waited for', async () => {
    const correlator = new Correlator();
    void correlator.wait(5, 1_000).catch(() => {});
    await expect(correlator.wait(5, 1_000)).rejects.toThrow(/already in use/);
    correlator.dispose();
  });
});
