// The real CometD server (cometd-nodejs-server, long-polling) behind /api/v2/notifications. It can be
// "restarted": every CometD session is lost and open long-polls are cut, as when GWS restarts, so
// clients must re-handshake and re-subscribe. Like GWS, it delivers a notification only to sessions
// whose subscription to a matching channel is in effect at that moment: nothing is kept for later.
import type { IncomingMessage, ServerResponse } from 'node:http';
import cometdServer, { type CometDServer, type ServerSession } from 'cometd-nodejs-server';
import ackExtension from 'cometd-nodejs-server/ack-extension.js';
import type { Faults } from '../faults';
import type { GwsSession, SessionStore } from './sessions';

const { createCometDServer } = cometdServer;
// CommonJS modules: named exports are only reachable through the default export.
const { AcknowledgedMessagesExtension } = ackExtension;

/** The channel names whose subscribers get a message on `channel`: itself, `/a/*`, `/a/**`, `/**`. */
export function subscriptionsCovering(channel: string): Set<string> {
  const segments = channel.split('/').slice(1);
  const names = new Set([channel, `/${[...segments.slice(0, -1), '*'].join('/')}`]);
  for (let i = segments.length - 1; i >= 0; i--) names.add(`/${[...segments.slice(0, i), '**'].join('/')}`);
  return names;
}

export interface CometdHostOptions {
  timeoutMs: number;
  sessions: SessionStore;
  /** Read at each /meta/subscribe: delay and refusals to play. */
  faults(): Faults['cometd'];
  /** Consumes one of the refusals the faults ask for. */
  onSubscribeRefused(): void;
  onHandshake(): void;
}

export class CometdHost {
  private server!: CometDServer;
  /** CometD session id → the GWS session it was opened with. */
  private owners = new Map<string, string>();
  /** GWS session id → its CometD sessions: a publish to one GWS session looks at its own clients only. */
  private clientsOf = new Map<string, Set<string>>();
  private readonly inFlight = new Set<ServerResponse>();
  /** Until then the endpoint answers 503, as a GWS that is still starting up. */
  private downUntil = 0;

  constructor(private readonly options: CometdHostOptions) {
    this.create();
  }

  private create(): void {
    const server = createCometDServer({ timeout: this.options.timeoutMs, maxInterval: 10_000 });
    server.addExtension(new AcknowledgedMessagesExtension());
    const owners = new Map<string, string>();
    const clientsOf = new Map<string, Set<string>>();
    server.policy = {
      // Only a client holding a valid GWS session (its JSESSIONID cookie) may handshake.
      canHandshake: (session: ServerSession, _message, callback) => {
        const request = server.context.request as IncomingMessage | undefined;
        const gws = this.options.sessions.fromCookie(request?.headers.cookie);
        if (!gws) {
          callback(undefined, false);
          return;
        }
        owners.set(session.id, gws.id);
        const clients = clientsOf.get(gws.id) ?? new Set<string>();
        clientsOf.set(gws.id, clients.add(session.id));
        this.options.onHandshake();
        callback(undefined, true);
      },
      // Subscriptions take effect (and are answered) only when the policy says yes: a delay here is a
      // GWS slow to confirm, during which it publishes nothing to this client.
      canSubscribe: (_session, _message, channel, callback) => {
        const { subscribeDelayMs, refuseSubscribes } = this.options.faults();
        const allowed = channel.name.startsWith('/v2/me/') && refuseSubscribes === 0;
        if (refuseSubscribes > 0) this.options.onSubscribeRefused();
        if (subscribeDelayMs === 0) {
          callback(undefined, allowed);
          return;
        }
        setTimeout(() => {
          // The library's sweeper may have dropped the still unsubscribed channel meanwhile, and the
          // subscribe step that follows expects it to exist.
          server.createServerChannel(channel.name);
          callback(undefined, allowed);
        }, subscribeDelayMs);
      },
      // Clients may listen on /v2/me/*, never publish: events come from the server.
      canPublish: (_session, _message, _channel, callback) => callback(undefined, false),
    };
    server.addListener('sessionRemoved', (session: ServerSession) => {
      const owner = owners.get(session.id);
      owners.delete(session.id);
      const clients = owner === undefined ? undefined : clientsOf.get(owner);
      clients?.delete(session.id);
      if (owner !== undefined && clients?.size === 0) clientsOf.delete(owner);
    });
    this.server = server;
    this.owners = owners;
    this.clientsOf = clientsOf;
  }

  handle(request: IncomingMessage, response: ServerResponse): void {
    if (Date.now() < this.downUntil) {
      request.resume();
      response.writeHead(503).end();
      return;
    }
    this.inFlight.add(response);
    response.once('close', () => this.inFlight.delete(response));
    this.server.handle(request, response);
  }

  /** The CometD sessions of one GWS session (or of all) subscribed to `channel` or a wildcard covering it now. */
  private subscribers(channel: string, gwsSession?: GwsSession): ServerSession[] {
    const names = subscriptionsCovering(channel);
    const clients = gwsSession ? (this.clientsOf.get(gwsSession.id) ?? []) : this.owners.keys();
    const out: ServerSession[] = [];
    for (const cometdId of clients) {
      const session = this.server.getServerSession(cometdId);
      if (session?.subscriptions.some((subscribed) => names.has(subscribed.name))) out.push(session);
    }
    return out;
  }

  /**
   * Delivers to every CometD client of one GWS session (or of all sessions) that is subscribed to
   * the channel or a wildcard covering it at this moment; returns how many got it.
   */
  deliver(channel: string, data: unknown, gwsSession?: GwsSession): number {
    const sessions = this.subscribers(channel, gwsSession);
    for (const session of sessions) session.deliver(null, channel, data);
    return sessions.length;
  }

  /** How many clients a delivery on `channel` would reach now. */
  subscribed(channel: string, gwsSession?: GwsSession): number {
    return this.subscribers(channel, gwsSession).length;
  }

  /** Disconnects the CometD clients of a GWS session (sign-out). */
  disconnect(gwsSession: GwsSession): void {
    for (const cometdId of [...(this.clientsOf.get(gwsSession.id) ?? [])]) {
      this.server.getServerSession(cometdId)?.disconnect();
    }
  }

  get clients(): number {
    return this.owners.size;
  }

  /** A server restart: all sessions gone, open long-polls cut mid-flight, down for `downMs`. */
  restart(downMs = 0): void {
    this.downUntil = Date.now() + downMs;
    this.server.close();
    for (const response of this.inFlight) response.socket?.destroy();
    this.inFlight.clear();
    this.create();
  }

  close(): void {
    this.server.close();
    for (const response of this.inFlight) response.socket?.destroy();
  }
}
