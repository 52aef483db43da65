// The CometD link to GWS notifications. GWS speaks long-polling only, and every handshake (the first,
// and each one the server forces after a restart or session expiry) drops subscriptions, so the
// subscription lives in the /meta/handshake listener.
import { AckExtension, CometD, type Message } from 'cometd';
import { GWS_ME_WILDCARD } from '../../../shared/gws-constants';
import { setConnectionState } from './connection-store';

export interface NotificationHandlers {
  /** Every message on `/v2/me/*`; the payload is untrusted and parsed by the receiver. */
  onMessage(channel: string, data: unknown): void;
  /** After each successful handshake: `first` is false after a re-handshake (time to resync). */
  onHandshake?(first: boolean): void;
  /** The server refused the handshake (403): the GWS session is gone or invalid. */
  onHandshakeDenied?(): void;
}

export interface NotificationsConnection {
  disconnect(): Promise<void>;
}

export function connectNotifications(url: string, handlers: NotificationHandlers): NotificationsConnection {
  const cometd = new CometD();
  cometd.unregisterTransport('websocket');
  cometd.unregisterTransport('callback-polling');
  cometd.registerExtension('ack', new AckExtension());
  cometd.configure({ url, logLevel: 'warn', maxBackoff: 5000, backoffIncrement: 500 });

  let connected = false;
  let handshakes = 0;
  let closing = false;

  cometd.addListener('/meta/handshake', (message: Message) => {
    if (!message.successful) {
      setConnectionState('reconnecting');
      if (/^403\b/.test(message.error ?? '')) handlers.onHandshakeDenied?.();
      return;
    }
    handshakes += 1;
    cometd.subscribe(GWS_ME_WILDCARD, (event) => handlers.onMessage(event.channel, event.data));
    handlers.onHandshake?.(handshakes === 1);
  });

  cometd.addListener('/meta/connect', (message: Message) => {
    if (closing || cometd.isDisconnected()) {
      connected = false;
      return;
    }
    const wasConnected = connected;
    connected = message.successful === true;
    if (connected && !wasConnected) setConnectionState('connected');
    else if (!connected && wasConnected) setConnectionState('reconnecting');
    else if (!connected) setConnectionState('reconnecting');
  });

  cometd.addListener('/meta/disconnect', () => {
    connected = false;
    setConnectionState('disconnected');
  });

  setConnectionState('connecting');
  cometd.handshake();

  return {
    disconnect: () =>
      new Promise<void>((resolve) => {
        closing = true;
        if (cometd.isDisconnected()) {
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
