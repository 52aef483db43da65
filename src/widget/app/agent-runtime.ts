// Wires the agent's live pipeline together: GWS session → call sources → pop engine (→ GWS
// notifications for UCS). Kept out of React so that pops proceed whatever is rendered; the hook
// below only starts and stops it.
import type { QueryClient } from '@tanstack/react-query';
import type { PopReport } from '../../shared/pop-report';
import type { WidgetConfig } from '../../shared/widget-config';
import { findPhoneCall } from '../features/calls/api/find-phone-call';
import { popResolution, popSignature } from '../features/calls/model/pop';
import { PopEngine, type UcsPort } from '../features/calls/pop/pop-engine';
import { coalescedView, popsView } from '../features/calls/store/pops-store';
import { setContactCenterSession } from '../features/gws-session/api/contact-center-session';
import { type Credentials, getMe } from '../features/gws-session/api/get-me';
import { signedOut } from '../features/gws-session/session-store';
import type { HistoryWarmer } from '../features/history/history-warmup';
import { uniqueIdQueryOptions } from '../features/lookup/api/get-unique-id';
import { type CometDClient, preloadCometD } from '../features/notifications/cometd-connection';
import { createGwsNotifications, type GwsNotifications } from '../features/notifications/gws-notifications';
import { reportPop } from '../features/pop-report/api/report-pop';
import type { CallSink } from '../lib/call-source';
import { callSourcesFor } from './call-sources';
import type { AgentMode, Host } from './mode';

export interface AgentRuntimeOptions {
  config: WidgetConfig;
  queryClient: QueryClient;
  mode: AgentMode;
  host: Host;
  win?: Window;
  /** The CometD client (tests pass a fake that plays the server; the diagnostics view one it watches). */
  createCometD?: () => CometDClient | Promise<CometDClient>;
}

/**
 * How long a new call waits before it is drawn without its outcome. Most pops settle sooner (tens of
 * milliseconds); drawn at once, the call's first render competes with the pop itself for the main
 * thread (on a 4× slower CPU, ~30 ms of it), and a progress line that shows for 80 ms is only flicker.
 */
export const SHOW_GRACE_MS = 150;

const log = (message: string, detail?: unknown) => console.warn(`[uhw] ${message}`, detail ?? '');

export class AgentRuntime {
  readonly engine: PopEngine;
  private readonly gws: GwsNotifications;
  private readonly settled = new Set<(report: PopReport) => void>();
  private stopSources: (() => void)[] | null = null;
  /** Warms the history frame's connection (HISTORY_WARMUP); a lazy chunk, there shortly after start. */
  private warmer: HistoryWarmer | null = null;
  private stopped = false;
  private renewing = false;
  private markSessionKnown!: () => void;
  /** Resolves once the widget knows whether it has a GWS session: calls from sources wait for it. */
  readonly sessionKnown = new Promise<void>((resolve) => {
    this.markSessionKnown = resolve;
  });
  private markReady!: () => void;
  /**
   * Resolves once a call pops with everything the widget has: GWS publishes to it (its subscription is
   * acknowledged), or, without GWS notifications (WWE without a GWS session), once the session is known.
   */
  readonly ready = new Promise<void>((resolve) => {
    this.markReady = resolve;
  });

  constructor(private readonly options: AgentRuntimeOptions) {
    const { config, queryClient } = options;
    this.gws = createGwsNotifications({
      url: new URL(config.notificationsPath, (options.win ?? window).location.origin).href,
      onUcsAnswer: (message) => this.engine.acceptUcsAnswer(message),
      onSessionLost: () => void this.renewSession(),
      log,
      createCometD: options.createCometD,
    });
    const ucs: UcsPort = {
      ready: (timeoutMs) => this.gws.whenSubscribed(timeoutMs),
      findPhoneCall: (request) => findPhoneCall(request),
    };
    this.engine = new PopEngine({
      config,
      ucs: () => (this.gws.connected ? ucs : null),
      lookupUniqueId: async (attribute, value) => {
        const result = await queryClient.fetchQuery(uniqueIdQueryOptions(attribute, value));
        return result.kind === 'found'
          ? { kind: 'found', uniqueId: result.found.uniqueId, historyUrl: result.found.historyUrl }
          : result;
      },
      view: coalescedView(popsView, {
        isUrgent: (pop) => pop.released || popResolution(pop).kind !== 'pending',
        signature: popSignature,
        // A pop quicker than SHOW_GRACE_MS appears with its outcome, in one render; a slower one shows
        // its progress from then on. Drawn then only once the long-poll in flight is out.
        deferShow: (write) => setTimeout(() => this.gws.afterReconnect(write), SHOW_GRACE_MS),
      }),
      log,
      onSettled: (report) => {
        performance.mark('uhw:settled', { detail: { callId: report.callId } });
        // After the render that shows the outcome (React commits in a microtask of this turn): the
        // host's message, the desktop's write-back and the team-feed report never delay the history.
        setTimeout(() => {
          for (const listener of this.settled) listener(report);
          // For the supervisors' team feed and the time-to-pop metric; a failure costs the agent nothing.
          reportPop(report).catch((error) => log('the pop report did not reach the proxy', error));
        }, 0);
      },
    });
  }

  private get inWwe(): boolean {
    return this.options.host === 'wwe';
  }

  /**
   * Starts the call sources (once), signs in (with credentials after a 401) and connects. Resolves
   * false when credentials are needed; inside WWE, which owns the agent's sign-in, never.
   */
  async start(credentials?: Credentials): Promise<boolean> {
    this.startSources();
    this.startWarmer();
    // The CometD library arrives while GWS confirms the session (inside WWE it may not be needed).
    if (!this.inWwe && !this.options.createCometD) void preloadCometD();
    const signedIn = this.inWwe ? await this.probeSession() : await getMe(credentials);
    if (this.stopped) return signedIn;
    if (!signedIn && !this.inWwe) return false;
    if (this.options.mode === 'agent') {
      await setContactCenterSession(true).catch((error) => log('StartContactCenterSession failed', error));
    }
    if (this.stopped) return true;
    // Inside WWE, GWS notifications serve only UCS answers: opened where the widget has a GWS session
    // of its own and the lookup order asks for the UCS interaction id.
    const wantsUcs = this.options.config.lookupOrder.some((step) => step.source === 'interactionId');
    if (signedIn && (!this.inWwe || wantsUcs)) {
      this.gws.connect();
      void this.gws.ready.then(this.markReady);
    } else {
      this.markReady();
    }
    this.markSessionKnown();
    return true;
  }

  /** Tells the listener each pop's outcome; returns the function that stops telling it. */
  onSettled(listener: (report: PopReport) => void): () => void {
    this.settled.add(listener);
    return () => this.settled.delete(listener);
  }

  /** Ends the voice session and the notification channel; `start` with credentials signs in again. */
  async signOut(): Promise<void> {
    if (this.options.mode === 'agent') {
      await setContactCenterSession(false).catch((error) => log('EndContactCenterSession failed', error));
    }
    await this.gws.disconnect();
    signedOut();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.warmer?.stop();
    for (const stop of this.stopSources ?? []) stop();
    this.engine.dispose();
    await this.gws.disconnect();
  }

  private startSources(): void {
    if (this.stopSources) return;
    const { config, mode, host } = this.options;
    const sources = callSourcesFor({ mode, host, config, win: this.options.win ?? window, gws: this.gws });
    this.stopSources = sources.map((source) =>
      source.start({
        sink: this.sinkFor(source.name),
        ready: this.ready,
        onSettled: (listener) => this.onSettled(listener),
        log,
      }),
    );
  }

  private startWarmer(): void {
    const { historyWarmup } = this.options.config;
    if (this.warmer || historyWarmup.mode === 'off') return;
    import('../features/history/history-warmup')
      .then(({ historyWarmer }) => {
        if (!this.stopped) this.warmer ??= historyWarmer(historyWarmup);
      })
      .catch((error: unknown) => log('the history warm-up could not be loaded', error));
  }

  /** Calls wait, in order, until the session is known: only then can their lookups be authorised. */
  private sinkFor(source: string): CallSink {
    return {
      call: (call) =>
        void this.sessionKnown.then(() => {
          // The history page is the pop's last request: its connection is opened while the others run,
          // once the long-poll in flight is out (the warm-up is a frame: it costs the main thread).
          if (this.engine.handleCall(call, source) === 'start')
            this.gws.afterReconnect(() => this.warmer?.ring());
        }),
      current: (calls) => void this.sessionKnown.then(() => this.engine.resync(calls, source)),
    };
  }

  /** Inside WWE: a GWS session of our own exists only where the proxy shares GWS's site. */
  private async probeSession(): Promise<boolean> {
    try {
      return await getMe(undefined, { quiet: true });
    } catch (error) {
      log('no GWS session (GWS did not answer)', error);
      return false;
    }
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
      const signedIn = await getMe(undefined, { quiet: this.inWwe }).catch(() => true);
      if (!signedIn) {
        await this.gws.disconnect();
        if (!this.inWwe) signedOut();
      }
    } finally {
      this.renewing = false;
    }
  }
}
