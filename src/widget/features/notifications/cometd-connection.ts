// The CometD link to GWS notifications. GWS speaks long-polling only, and every handshake (the first,
// and each one the server forces after a restart or session expiry) drops subscriptions, so the
// subscription lives in the /meta/handshake listener. GWS publishes only to sessions whose
// subscription it has acknowledged, so the link keeps a gate that callers wait on before asking GWS
// for anything it answers by notification.
import type { CometD, Message } from 'cometd';
import { GWS_ME_WILDCARD } from '../../../shared/gws-constants';
import { setConnectionState } from './connection-store';
import { SubscriptionGate } from './subscription-gate';

export interface NotificationHandlers {
  /** Every message on `/v2/me/*`; the payload is untrusted and parsed by the receiver. */
  onMessage(channel: string, data: unknown): void;
  /** After each successful handshake (the subscription is requested, not yet acknowledged). */
  onHandshake?(first: boolean): void;
  /** After each acknowledged subscription: from now on GWS publishes to us. */
  onSubscribed?(first: boolean): void;
  /** The server refused the handshake (403): the GWS session is gone or invalid. */
  onHandshakeDenied?(): void;
  /** The client has just sent its next `/meta/connect` (the long-poll that will carry what comes next). */
  onConnectSent?(): void;
}

export interface NotificationsConnection {
  /** True once GWS would publish to us (subscription acknowledged, link up): at once when it already does, else a promise, false after `timeoutMs`. */
  whenSubscribed(timeoutMs: number): boolean | Promise<boolean>;
  disconnect(): Promise<void>;
}

/** What the link uses of the `cometd` client: tests drive a fake through it. */
export type CometDClient = Pick<
  CometD,
  | 'unregisterTransport'
  | 'registerExtension'
  | 'configure'
  | 'addListener'
  | 'subscribe'
  | 'handshake'
  | 'disconnect'
  | 'isDisconnected'
  | 'getClientId'
>;

/**
 * The `cometd` library is loaded when a connection first opens (or ahead, by `preloadCometD`): it is
 * not needed to draw the widget, and not at all inside WWE without a GWS session of its own.
 */
let library: Promise<typeof import('cometd')> | undefined;
export const preloadCometD = () => {
  library ??= import('cometd');
  return library;
};

async function libraryClient(): Promise<CometDClient> {
  const { CometD, AckExtension } = await preloadCometD();
  const client = new CometD();
  client.registerExtension('ack', new AckExtension());
  return client;
}

/** Delay before re-asking for a refused or unanswered subscription: 0.5, 1, 2, 4, then 5 s. */
export const resubscribeDelay = (failures: number) => Math.min(500 * 2 ** (failures - 1), 5_000);

export function connectNotifications(
  url: string,
  handlers: NotificationHandlers,
  createClient: () => CometDClient | Promise<CometDClient> = libraryClient,
): NotificationsConnection {
  const gate = new SubscriptionGate();
  let connected = false;
  let handshakes = 0;
  let subscriptions = 0;
  let closing = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const showState = () => {
    if (closing) return;
    if (!connected) setConnectionState('reconnecting');
    else setConnectionState(gate.open ? 'connected' : 'subscribing');
  };

  let cometd: CometDClient | null = null;
  let onPageHide: (() => void) | undefined;

  const open = (client: CometDClient) => {
    if (closing) return;
    cometd = client;
    client.unregisterTransport('websocket');
    client.unregisterTransport('callback-polling');
    client.configure({ url, logLevel: 'warn', maxBackoff: 5000, backoffIncrement: 500 });
    // Told once the request is on its way (the extension runs just before the send, the microtask
    // right after it in the same turn).
    client.registerExtension('uhw-connect-sent', {
      outgoing: (message: Message) => {
        if (message.channel === '/meta/connect') queueMicrotask(() => handlers.onConnectSent?.());
        return message;
      },
    });
    const subscribe = (session: number, failures: number) => {
      client.subscribe(
        GWS_ME_WILDCARD,
        (event) => handlers.onMessage(event.channel, event.data),
        (reply: Message) => {
          // A reply to a request of an older session says nothing about the current one.
          if (closing || session !== handshakes) return;
          if (reply.successful) {
            subscriptions += 1;
            gate.subscribed();
            showState();
            handlers.onSubscribed?.(subscriptions === 1);
            return;
          }
          // Refused (`successful: false`) or unanswered (the client fails it after maxNetworkDelay).
          setConnectionState('resubscribing');
          retry = setTimeout(
            () => {
              if (!closing && session === handshakes) subscribe(session, failures + 1);
            },
            resubscribeDelay(failures + 1),
          );
        },
      );
    };

    client.addListener('/meta/handshake', (message: Message) => {
      if (!message.successful) {
        connected = false;
        setConnectionState('reconnecting');
        if (/^403\b/.test(message.error ?? '')) handlers.onHandshakeDenied?.();
        return;
      }
      handshakes += 1;
      clearTimeout(retry);
      connected = true;
      gate.handshake();
      showState();
      subscribe(handshakes, 0);
      handlers.onHandshake?.(handshakes === 1);
    });

    client.addListener('/meta/connect', (message: Message) => {
      if (closing || client.isDisconnected()) {
        connected = false;
        return;
      }
      const wasConnected = connected;
      connected = message.successful === true;
      gate.link(connected);
      if (connected !== wasConnected || !connected) showState();
    });

    client.addListener('/meta/disconnect', () => {
      connected = false;
      gate.close();
      setConnectionState('disconnected');
    });

    // A page going away (reload, the desktop closing the panel) cannot finish an XHR: tell the server
    // by beacon. Otherwise its held long-poll counts against the browser until it expires, and a
    // CometD server (GWS's, like the simulator's) then puts the next page's session in "multiple
    // clients" mode, polling every 2 s instead of long-polling: seconds added to every pop.
    onPageHide = () => {
      const clientId = client.getClientId();
      if (closing || !clientId) return;
      const message = [{ channel: '/meta/disconnect', clientId, id: 'pagehide' }];
      navigator.sendBeacon(
        `${url}/disconnect`,
        new Blob([JSON.stringify(message)], { type: 'application/json' }),
      );
    };
    addEventListener('pagehide', onPageHide);

    client.handshake();
  };

  setConnectionState('connecting');
  const made = createClient();
  // A fake client (tests) is there at once; the library's arrives with its chunk.
  if (made instanceof Promise) {
    made.then(open, (error: unknown) => {
      console.warn('[uhw] the CometD client could not be loaded', error);
      setConnectionState('reconnecting');
    });
  } else {
    open(made);
  }

  return {
    whenSubscribed: (timeoutMs) => gate.open || gate.wait(timeoutMs),
    disconnect: () =>
      new Promise<void>((resolve) => {
        closing = true;
        clearTimeout(retry);
        if (onPageHide) removeEventListener('pagehide', onPageHide);
        gate.close();
        if (!cometd || cometd.isDisconnected()) {
          setConnectionState('disconnected');
          resolve();
          return;
        }
        cometd.disconnect(() => {
          setConnectionState('disconnected');
          resolve();
        });
      }),
  };
}
