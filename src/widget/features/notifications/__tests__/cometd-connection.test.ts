import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectNotifications, type NotificationsConnection, resubscribeDelay } from '../cometd-connection';
import { useConnectionStore } from '../connection-store';
import { FakeCometD } from './fake-cometd';

const state = () => useConnectionStore.getState().state;

/** Whether the gate is open now (a zero wait, with fake timers advanced). */
async function isOpen(connection: NotificationsConnection): Promise<boolean> {
  const answer = connection.whenSubscribed(0);
  await vi.advanceTimersByTimeAsync(0);
  return answer;
}

function connect() {
  const fake = new FakeCometD();
  const onSubscribed = vi.fn();
  const onHandshake = vi.fn();
  const messages: unknown[] = [];
  const connection = connectNotifications(
    'http://widget.test/api/v2/notifications',
    { onMessage: (_channel, data) => messages.push(data), onHandshake, onSubscribed },
    () => fake,
  );
  return { fake, connection, onSubscribed, onHandshake, messages };
}

describe('connectNotifications', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('is connected only once the subscription is acknowledged, and opens the gate then', async () => {
    const { fake, connection, onSubscribed } = connect();
    const opened = vi.fn();
    void Promise.resolve(connection.whenSubscribed(10_000)).then(opened);
    fake.handshakeSucceeds();
    expect(state()).toBe('subscribing');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(opened).not.toHaveBeenCalled();
    fake.answerSubscribe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(opened).toHaveBeenCalledWith(true);
    expect(onSubscribed).toHaveBeenCalledWith(true);
    expect(state()).toBe('connected');
  });

  it('closes the gate on every re-handshake until the new subscription is acknowledged', async () => {
    const { fake, connection, onSubscribed } = connect();
    fake.handshakeSucceeds();
    fake.answerSubscribe(true);
    expect(await isOpen(connection)).toBe(true);
    fake.handshakeSucceeds();
    expect(fake.pendingSubscribes).toHaveLength(1);
    const waiting = connection.whenSubscribed(5_000);
    await vi.advanceTimersByTimeAsync(4_999);
    fake.answerSubscribe(true);
    expect(await waiting).toBe(true);
    expect(onSubscribed).toHaveBeenLastCalledWith(false);
  });

  it('closes the gate while long-polls fail, and reopens it when they succeed on the same session', async () => {
    const { fake, connection } = connect();
    fake.handshakeSucceeds();
    fake.answerSubscribe(true);
    fake.connect(false);
    expect(state()).toBe('reconnecting');
    expect(await isOpen(connection)).toBe(false);
    fake.connect(true);
    expect(state()).toBe('connected');
    expect(await isOpen(connection)).toBe(true);
  });

  it('gives up waiting after the timeout when the subscription is never confirmed', async () => {
    const { fake, connection } = connect();
    fake.handshakeSucceeds();
    const waiting = connection.whenSubscribed(2_000);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await waiting).toBe(false);
  });

  it('asks again with backoff after a refused subscription, and says so in the badge', async () => {
    const { fake, connection } = connect();
    fake.handshakeSucceeds();
    fake.answerSubscribe(false);
    expect(state()).toBe('resubscribing');
    expect(fake.pendingSubscribes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(resubscribeDelay(1) - 1);
    expect(fake.pendingSubscribes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.pendingSubscribes).toHaveLength(1);
    fake.answerSubscribe(false);
    await vi.advanceTimersByTimeAsync(resubscribeDelay(2));
    fake.answerSubscribe(true);
    expect(state()).toBe('connected');
    expect(await isOpen(connection)).toBe(true);
    expect([1, 2, 3, 4, 5].map(resubscribeDelay)).toEqual([500, 1_000, 2_000, 4_000, 5_000]);
  });

  it('ignores the answer to a subscription of a session that has since been replaced', async () => {
    const { fake, connection } = connect();
    fake.handshakeSucceeds();
    const stale = fake.pendingSubscribes.shift()!;
    fake.handshakeSucceeds();
    stale.onReply({ channel: '/meta/subscribe', successful: true } as never);
    expect(await isOpen(connection)).toBe(false);
    fake.answerSubscribe(true);
    expect(await isOpen(connection)).toBe(true);
  });

  it('hands every message on the subscription to the receiver', () => {
    const { fake, messages } = connect();
    fake.handshakeSucceeds();
    fake.answerSubscribe(true);
    fake.deliver('/v2/me/calls', { messageType: 'CallStateChangeMessage' });
    expect(messages).toEqual([{ messageType: 'CallStateChangeMessage' }]);
  });
});
