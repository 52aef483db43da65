import { describe, expect, it, vi } from 'vitest';
import { type CallSource, lazySource } from '../call-source';

/** A framed window: an event target with a parent of its own. */
function framedWindow() {
  const parent = new EventTarget();
  const win = Object.assign(new EventTarget(), { parent }) as unknown as Window;
  return { win, parent };
}

const context = () => ({
  sink: { call: vi.fn(), current: vi.fn() },
  ready: Promise.resolve(),
  onSettled: () => () => {},
  log: vi.fn(),
});

describe('lazySource', () => {
  it("holds the parent's messages while its code loads, then hands them over with their origin", async () => {
    const { win, parent } = framedWindow();
    let loaded!: (source: CallSource) => void;
    const seen: { data: unknown; origin: string; fromParent: boolean }[] = [];
    const real: CallSource = {
      name: 'host-page',
      start() {
        const listen = (event: Event) => {
          const message = event as MessageEvent;
          seen.push({ data: message.data, origin: message.origin, fromParent: message.source === parent });
        };
        win.addEventListener('message', listen);
        return () => win.removeEventListener('message', listen);
      },
    };
    const stop = lazySource('host-page', () => new Promise((resolve) => (loaded = resolve)), win).start(
      context(),
    );
    const post = (data: unknown, source: unknown) =>
      win.dispatchEvent(
        new MessageEvent('message', {
          data,
          origin: 'https://desk.test',
          source: source as MessageEventSource,
        }),
      );
    post({ type: 'uhw:call', call: { id: 'EARLY' } }, parent);
    post({ type: 'uhw:call', call: { id: 'SIBLING' } }, new EventTarget());
    expect(seen).toEqual([]);
    loaded(real);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toEqual({
      data: { type: 'uhw:call', call: { id: 'EARLY' } },
      origin: 'https://desk.test',
      fromParent: true,
    });
    // Once it listens, nothing is held or handed over twice.
    post({ type: 'uhw:call', call: { id: 'LATE' } }, parent);
    expect(seen.map((entry) => (entry.data as { call: { id: string } }).call.id)).toEqual(['EARLY', 'LATE']);
    stop();
  });

  it('stopped before its code arrives, it never starts', async () => {
    const { win } = framedWindow();
    const start = vi.fn(() => () => {});
    const stop = lazySource('x', async () => ({ name: 'x', start }), win).start(context());
    stop();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(start).not.toHaveBeenCalled();
  });
});
