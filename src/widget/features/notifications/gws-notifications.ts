// The agent's GWS notifications: one CometD link, whose messages go two ways. UCS answers
// (createInteractionResponse) go to whoever correlates FindPhoneCall; call events go to the GWS call
// source when one follows them (not inside WWE, which follows calls itself). Whoever follows calls
// also gets the calls in progress after every handshake, and again once GWS confirmed the
// subscription: a call that rang between that first read and the confirmation was in neither.
import type { CreateInteractionResponse } from '../../../shared/gws-messages';
import type { CallSink } from '../../lib/call-source';
import { getCurrentCalls } from './api/get-current-calls';
import { type CometDClient, connectNotifications, type NotificationsConnection } from './cometd-connection';
import { classifyNotification, toSourceCall } from './gws-events';

export interface GwsNotificationsOptions {
  /** CometD endpoint URL. */
  url: string;
  onUcsAnswer(message: CreateInteractionResponse): void;
  /** The handshake was refused (403): the GWS session is gone. */
  onSessionLost(): void;
  log(message: string, detail?: unknown): void;
  createCometD?: () => CometDClient | Promise<CometDClient>;
}

export interface GwsNotifications {
  /** Resolves once GWS first confirmed the subscription: from then on a call pops with its UCS id. */
  readonly ready: Promise<void>;
  /** Whether the link is up (connect() called, not disconnected). */
  readonly connected: boolean;
  /** True once GWS would publish to us now, false if not within `timeoutMs` (at once when not connected). */
  whenSubscribed(timeoutMs: number): boolean | Promise<boolean>;
  /** Hands call events and the calls in progress to `sink`; returns the function that stops it. */
  followCalls(sink: CallSink): () => void;
  /**
   * Runs `work` once the CometD client has sent its next long-poll, if a message is being delivered
   * now (at most RECONNECT_WAIT_MS later), else at once. GWS can deliver nothing (the FindPhoneCall
   * answer least of all) until that long-poll is out, and on a slow CPU a render queued first would
   * hold it back by tens of milliseconds.
   */
  afterReconnect(work: () => void): void;
  /** Opens the CometD link (on the GWS session the browser holds); again after a disconnect. */
  connect(): void;
  disconnect(): Promise<void>;
}

/** How long work waits for the next long-poll to leave before it runs anyway. */
export const RECONNECT_WAIT_MS = 30;

/** Created before the session is known, so sources can be wired at once; connected once it is. */
export function createGwsNotifications(options: GwsNotificationsOptions): GwsNotifications {
  let follower: CallSink | null = null;
  let handshakes = 0;
  let connection: NotificationsConnection | null = null;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const readCalls = async () => {
    const sink = follower;
    if (!sink) return;
    try {
      const calls = await getCurrentCalls();
      if (follower === sink) sink.current(calls.map(toSourceCall));
    } catch (error) {
      options.log('could not read the calls in progress', error);
    }
  };

  // Work waiting for the long-poll that follows the message being delivered.
  let waiting: (() => void)[] | null = null;
  let waitCap: ReturnType<typeof setTimeout> | undefined;
  const release = () => {
    clearTimeout(waitCap);
    const work = waiting ?? [];
    waiting = null;
    for (const run of work) run();
  };

  const onMessage = (channel: string, data: unknown) => {
    if (waiting === null) {
      waiting = [];
      waitCap = setTimeout(release, RECONNECT_WAIT_MS);
    }
    const notification = classifyNotification(data);
    switch (notification.kind) {
      case 'call':
        follower?.call(toSourceCall(notification.message.call));
        return;
      case 'ucs':
        options.onUcsAnswer(notification.message);
        return;
      case 'malformed':
        options.log(`malformed notification on ${channel} dropped: ${notification.reason}`);
        return;
      default:
        return;
    }
  };

  return {
    ready,
    get connected() {
      return connection !== null;
    },
    whenSubscribed: (timeoutMs) => connection?.whenSubscribed(timeoutMs) ?? false,
    afterReconnect(work) {
      if (waiting) waiting.push(work);
      else work();
    },
    followCalls(sink) {
      follower = sink;
      // Followed late: the handshake's read happened without us.
      if (handshakes > 0) void readCalls();
      return () => {
        if (follower === sink) follower = null;
      };
    },
    connect() {
      connection ??= connectNotifications(
        options.url,
        {
          onMessage,
          // Every handshake, the first included: calls that rang while we were not listening still
          // pop (their FindPhoneCall waits for the subscription in the pop engine).
          onHandshake: () => {
            handshakes += 1;
            void readCalls();
          },
          onSubscribed: () => {
            markReady();
            void readCalls();
          },
          onHandshakeDenied: options.onSessionLost,
          onConnectSent: release,
        },
        options.createCometD,
      );
    },
    async disconnect() {
      const closing = connection;
      connection = null;
      await closing?.disconnect();
    },
  };
}
