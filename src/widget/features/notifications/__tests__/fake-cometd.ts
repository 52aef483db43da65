// A stand-in for the `cometd` client that lets a test play the server: answer the handshake, hold or
// answer the subscription, deliver messages, fail a long-poll.
import type { Message } from 'cometd';
import type { CometDClient } from '../cometd-connection';

type Callback = (message: Message) => void;

export class FakeCometD implements CometDClient {
  readonly listeners = new Map<string, Callback[]>();
  /** Subscribe requests not yet answered, oldest first. */
  readonly pendingSubscribes: { channel: string; onMessage: Callback; onReply: Callback }[] = [];
  readonly subscribed: { channel: string; onMessage: Callback }[] = [];
  disconnected = false;

  unregisterTransport() {
    return null;
  }
  readonly extensions: { outgoing?(message: Message): Message | null }[] = [];
  registerExtension(_name: string, extension: { outgoing?(message: Message): Message | null }) {
    this.extensions.push(extension);
    return true;
  }
  /** The client sends its next long-poll, through its extensions, as the library does. */
  sendConnect() {
    for (const extension of this.extensions) extension.outgoing?.({ channel: '/meta/connect' } as Message);
  }
  configure() {}
  addListener(channel: string, callback: Callback) {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), callback]);
    return {} as ReturnType<CometDClient['addListener']>;
  }
  subscribe(channel: string, onMessage: Callback, onReply?: unknown) {
    this.pendingSubscribes.push({ channel, onMessage, onReply: onReply as Callback });
    return {} as ReturnType<CometDClient['subscribe']>;
  }
  handshake() {}
  disconnect(callback?: unknown) {
    this.disconnected = true;
    (callback as (() => void) | undefined)?.();
  }
  isDisconnected() {
    return this.disconnected;
  }
  getClientId() {
    return 'fake-client';
  }

  private emit(channel: string, message: Partial<Message>) {
    for (const listener of this.listeners.get(channel) ?? []) listener({ channel, ...message } as Message);
  }

  /** The server accepts the handshake: a new session, with no subscription yet (it clears them). */
  handshakeSucceeds() {
    this.subscribed.length = 0;
    this.emit('/meta/handshake', { successful: true });
  }
  connect(successful: boolean) {
    this.emit('/meta/connect', { successful });
  }
  /** Answers the oldest subscribe request. */
  answerSubscribe(successful: boolean) {
    const request = this.pendingSubscribes.shift();
    if (!request) throw new Error('no subscribe request is pending');
    if (successful) this.subscribed.push(request);
    request.onReply({
      channel: '/meta/subscribe',
      successful,
      subscription: request.channel,
    } as unknown as Message);
  }
  /** A message on a channel, delivered only if the subscription was acknowledged, as GWS does. */
  deliver(channel: string, data: unknown): boolean {
    const [subscription] = this.subscribed;
    if (!subscription) return false;
    subscription.onMessage({ channel, data } as Message);
    return true;
  }
}
