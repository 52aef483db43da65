// Wires the agent's live pipeline together: GWS session → CometD → pop engine. Kept out of React so
// that pops proceed whatever is rendered; the hook below only starts and stops it.
import type { QueryClient } from '@tanstack/react-query';
import type { HostCallMessage } from '../../shared/embed-messages';
import type { WidgetConfig } from '../../shared/widget-config';
import { findPhoneCall } from '../features/calls/api/find-phone-call';
import { getCurrentCalls } from '../features/calls/api/get-current-calls';
import { PopEngine } from '../features/calls/pop/pop-engine';
import type { Pop } from '../features/calls/store/pops-store';
import { setContactCenterSession } from '../features/gws-session/api/contact-center-session';
import { type Credentials, getMe } from '../features/gws-session/api/get-me';
import { signedOut } from '../features/gws-session/session-store';
import { publishPopSummary } from '../features/live-feed/model/feed-channel';
import { toPopSummary } from '../features/live-feed/model/pop-summary';
import { uniqueIdQueryOptions } from '../features/lookup/api/get-unique-id';
import {
  type CometDClient,
  connectNotifications,
  type NotificationsConnection,
} from '../features/notifications/cometd-connection';

export interface AgentRuntimeOptions {
  config: WidgetConfig;
  queryClient: QueryClient;
  /** Standalone agent view starts the voice session itself; an embedding desktop already has. */
  startContactCenterSession: boolean;
  /** The CometD client (tests pass a fake that plays the server). */
  createCometD?: () => CometDClient;
}

const log = (message: string, detail?: unknown) => console.warn(`[uhw] ${message}`, detail ?? '');

export class AgentRuntime {
  readonly engine: PopEngine;
  /** Listeners told of each pop's outcome (host page, supervisor feed). */
  readonly settled = new Set<(pop: Pop) => void>();
  private connection: NotificationsConnection | null = null;
  private stopped = false;
  private renewing = false;
  private markSignedIn!: () => void;
  /** Resolves once a GWS session exists: calls from the host wait for it. */
  readonly signedIn = new Promise<void>((resolve) => {
    this.markSignedIn = resolve;
  });
  private markReady!: () => void;
  /**
   * Resolves once GWS publishes to us (first subscription acknowledged): only then is the pipeline
   * able to pop with the UCS interaction id, so `uhw:ready` waits for it.
   */
  readonly ready = new Promise<void>((resolve) => {
    this.markReady = resolve;
  });

  constructor(private readonly options: AgentRuntimeOptions) {
    const { config, queryClient } = options;
    this.engine = new PopEngine({
      config,
      findPhoneCall,
      ucsReady: async (timeoutMs) => (await this.connection?.whenSubscribed(timeoutMs)) ?? false,
      lookupUniqueId: (attribute, value) => queryClient.fetchQuery(uniqueIdQueryOptions(attribute, value)),
      log,
      onSettled: (pop) => {
        performance.mark('uhw:settled', { detail: { callId: pop.callId } });
        const summary = toPopSummary(pop);
        if (summary) publishPopSummary(summary);
        for (const listener of this.settled) listener(pop);
      },
    });
  }

  /** Signs in (with credentials after a 401) and connects. Resolves false when credentials are needed. */
  async start(credentials?: Credentials): Promise<boolean> {
    const signedIn = await getMe(credentials);
    if (!signedIn || this.stopped) return signedIn;
    if (this.options.startContactCenterSession) {
      await setContactCenterSession(true).catch((error) => log('StartContactCenterSession failed', error));
    }
    if (this.stopped) return true;
    if (!this.connection) {
      const url = new URL(this.options.config.notificationsPath, window.location.origin).href;
      this.connection = connectNotifications(
        url,
        {
          onMessage: (channel, data) => this.engine.handleNotification(channel, data),
          // Every handshake, the first included: calls that rang while we were not listening still pop
          // (their FindPhoneCall waits for the subscription in the engine).
          onHandshake: () => void this.resync(),
          // Read again once GWS publishes to us: a call that rang between the first read and the
          // acknowledgement was neither in that read nor published to us.
          onSubscribed: () => {
            this.markReady();
            void this.resync();
          },
          onHandshakeDenied: () => void this.renewSession(),
        },
        this.options.createCometD,
      );
    }
    // After the connection exists, so that calls waiting for the session find its subscription gate.
    this.markSignedIn();
    return true;
  }

  /** Ends the voice session and the notification channel; `start` with credentials signs in again. */
  async signOut(): Promise<void> {
    if (this.options.startContactCenterSession) {
      await setContactCenterSession(false).catch((error) => log('EndContactCenterSession failed', error));
    }
    const connection = this.connection;
    this.connection = null;
    await connection?.disconnect();
    signedOut();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.engine.dispose();
    const connection = this.connection;
    this.connection = null;
    await connection?.disconnect();
  }

  /** A call handed over by the embedding desktop (postMessage or URL): popped as an answered call. */
  async handleHostCall(call: HostCallMessage['call']): Promise<void> {
    await this.signedIn;
    if (this.stopped) return;
    this.engine.handleCall({
      id: call.id,
      state: 'Established',
      callType: call.type,
      ani: call.ani,
      dnis: call.dnis,
      userData: call.userData,
    });
  }

  /**
   * CometD was refused: the GWS session expired or was dropped. Ask GWS again: where a session can be
   * had (the desktop's, or the simulator's demo agent) cometd's next handshake carries the new cookie;
   * where credentials are needed, stop and show the sign-in form.
   */
  private async renewSession(): Promise<void> {
    if (this.renewing) return;
    this.renewing = true;
    try {
      const signedIn = await getMe().catch(() => true);
      if (!signedIn) {
        const connection = this.connection;
        this.connection = null;
        await connection?.disconnect();
        signedOut();
      }
    } finally {
      this.renewing = false;
    }
  }

  private async resync(): Promise<void> {
    try {
      this.engine.resync(await getCurrentCalls());
    } catch (error) {
      log('could not read the calls in progress', error);
    }
  }
}
