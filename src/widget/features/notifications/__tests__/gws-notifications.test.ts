// The long-poll that follows a delivered message carries whatever GWS publishes next (the FindPhoneCall
// answer): work queued meanwhile waits until that long-poll is out, never longer than RECONNECT_WAIT_MS.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGwsNotifications, RECONNECT_WAIT_MS } from '../gws-notifications';
import { FakeCometD } from './fake-cometd';

function connected() {
  const fake = new FakeCometD();
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify({ statusCode: 0, calls: [] }), { status: 200 })),
  );
  const gws = createGwsNotifications({
    url: 'http://gws.test/api/v2/notifications',
    onUcsAnswer: () => {},
    onSessionLost: () => {},
    log: () => {},
    createCometD: () => fake,
  });
  gws.connect();
  fake.handshakeSucceeds();
  fake.answerSubscribe(true);
  return { fake, gws };
}

describe('afterReconnect', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('runs at once when no message is being delivered', () => {
    const { gws } = connected();
    const work = vi.fn();
    gws.afterReconnect(work);
    expect(work).toHaveBeenCalledOnce();
  });

  it('waits, during a delivery, for the next long-poll to leave', async () => {
    const { fake, gws } = connected();
    const work = vi.fn();
    fake.deliver('/v2/me/calls', { messageType: 'unknown' });
    gws.afterReconnect(work);
    expect(work).not.toHaveBeenCalled();
    fake.sendConnect();
    await Promise.resolve();
    expect(work).toHaveBeenCalledOnce();
    // Delivered and released: later work runs at once again.
    const later = vi.fn();
    gws.afterReconnect(later);
    expect(later).toHaveBeenCalledOnce();
  });

  it('never waits longer than RECONNECT_WAIT_MS', async () => {
    vi.useFakeTimers();
    const { fake, gws } = connected();
    const work = vi.fn();
    fake.deliver('/v2/me/calls', { messageType: 'unknown' });
    gws.afterReconnect(work);
    await vi.advanceTimersByTimeAsync(RECONNECT_WAIT_MS - 1);
    expect(work).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(work).toHaveBeenCalledOnce();
  });
});
