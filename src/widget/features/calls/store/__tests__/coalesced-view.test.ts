import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Pop } from '../../model/pop';
import { coalescedView, type PopView } from '../pops-store';

/** `seen` stands for what the summary shows; `step` for what changes behind it. */
const pop = (callId: string, step: number, done = false, seen = String(step)) =>
  ({ callId, step, done, seen }) as unknown as Pop & { step: number; done: boolean; seen: string };

function setup() {
  const writes: string[] = [];
  const inner: PopView = {
    show: (p) => writes.push(`show ${p.callId}`),
    update: (p) => writes.push(`update ${p.callId}:${(p as unknown as { step: number }).step}`),
    remove: (id) => writes.push(`remove ${id}`),
    focus: () => {},
    hasFocus: () => false,
  };
  const view = coalescedView(inner, {
    isUrgent: (p) => (p as unknown as { done: boolean }).done,
    signature: (p) => (p as unknown as { seen: string }).seen,
    delayMs: 16,
    quietMs: 200,
  });
  return { view, writes };
}

describe('coalescedView', () => {
  afterEach(() => vi.useRealTimers());

  it('writes intermediate updates together, the latest per pop', async () => {
    vi.useFakeTimers();
    const { view, writes } = setup();
    view.show(pop('A', 0), true);
    view.update(pop('A', 1));
    view.update(pop('B', 1));
    view.update(pop('A', 2));
    expect(writes).toEqual(['show A']);
    await vi.advanceTimersByTimeAsync(16);
    expect(writes).toEqual(['show A', 'update A:2', 'update B:1']);
  });

  it('writes an outcome at once, with whatever was waiting', () => {
    vi.useFakeTimers();
    const { view, writes } = setup();
    view.update(pop('B', 1));
    view.update(pop('A', 3, true));
    expect(writes).toEqual(['update B:1', 'update A:3']);
  });

  it('lets an update that changes nothing seen wait longer, unless something seen follows', async () => {
    vi.useFakeTimers();
    const { view, writes } = setup();
    view.show(pop('A', 0, false, 'looking'), true);
    view.update(pop('A', 1, false, 'looking'));
    await vi.advanceTimersByTimeAsync(16);
    expect(writes).toEqual(['show A']);
    await vi.advanceTimersByTimeAsync(184);
    expect(writes).toEqual(['show A', 'update A:1']);
    view.update(pop('A', 2, false, 'looking'));
    view.update(pop('A', 3, false, 'found-ucs'));
    await vi.advanceTimersByTimeAsync(16);
    expect(writes).toEqual(['show A', 'update A:1', 'update A:3']);
  });

  it('draws a new pop when the runtime says, with every update made meanwhile', () => {
    const writes: string[] = [];
    const inner: PopView = {
      show: (p, focus) =>
        writes.push(`show ${p.callId}:${(p as unknown as { step: number }).step}${focus ? '*' : ''}`),
      update: (p) => writes.push(`update ${p.callId}`),
      remove: (id) => writes.push(`remove ${id}`),
      focus: (id) => writes.push(`focus ${id}`),
      hasFocus: () => false,
    };
    const held: (() => void)[] = [];
    const view = coalescedView(inner, {
      isUrgent: (p) => (p as unknown as { done: boolean }).done,
      signature: () => '',
      deferShow: (write) => held.push(write),
    });
    view.show(pop('A', 0), false);
    view.update(pop('A', 1));
    view.focus('A');
    expect(view.hasFocus()).toBe(true);
    expect(writes).toEqual([]);
    held.shift()?.();
    expect(writes).toEqual(['show A:1*']);
    // An outcome does not wait; a pop that went away before it was drawn is never drawn.
    view.show(pop('B', 0), true);
    view.update(pop('B', 2, true));
    view.show(pop('C', 0), true);
    view.remove('C');
    for (const write of held.splice(0)) write();
    expect(writes).toEqual(['show A:1*', 'show B:2*']);
  });

  it('drops what was waiting for a pop that goes away', async () => {
    vi.useFakeTimers();
    const { view, writes } = setup();
    view.update(pop('A', 1));
    view.remove('A');
    await vi.advanceTimersByTimeAsync(16);
    expect(writes).toEqual(['remove A']);
  });
});
