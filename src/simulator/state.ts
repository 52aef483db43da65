// Everything the simulated GWS and Uniphore share: sessions, calls, UCS, records, faults, counters.

import { TokenIssuer } from './auth/token-issuer';
import { CallFeed } from './control/call-feed';
import { defaultFaults, type Faults } from './faults';
import { CallRegistry } from './gws/calls';
import { CometdHost } from './gws/cometd-host';
import { type DemoAgent, SessionStore } from './gws/sessions';
import { Ucs } from './gws/ucs';
import { CaptureStore } from './replay/capture-store';
import { Stats } from './stats';
import { RecordStore } from './uniphore/records';

export interface UniphoreCredentials {
  accountId: string;
  apiVersion: string;
  tenantId: string;
  applicationKey: string;
  environmentName: string;
}

export class SimulatorState {
  gwsUrl = '';
  uniphoreUrl = '';
  faults: Faults = defaultFaults();
  readonly stats = new Stats();
  readonly sessions: SessionStore;
  readonly cometd: CometdHost;
  readonly calls = new CallRegistry(() => this.gwsUrl);
  /** Each call change, for the stand-in WWE desktop (GET /sim/calls/events). */
  readonly callFeed = new CallFeed();
  readonly ucs = new Ucs();
  readonly records = new RecordStore();
  /** Signs JWTs as the simulated Genesys Auth; its keys are published by the GWS server. */
  readonly tokens = new TokenIssuer(() => this.gwsUrl);
  /** Uploaded captures and their replays (/sim/captures). */
  readonly captures = new CaptureStore();

  constructor(
    readonly agent: DemoAgent,
    readonly credentials: UniphoreCredentials,
    cometdTimeoutMs: number,
    otherUsers: readonly DemoAgent[] = [],
  ) {
    this.sessions = new SessionStore(agent, otherUsers);
    this.cometd = new CometdHost({
      timeoutMs: cometdTimeoutMs,
      sessions: this.sessions,
      faults: () => this.faults.cometd,
      onSubscribeRefused: () => {
        this.faults.cometd.refuseSubscribes = Math.max(0, this.faults.cometd.refuseSubscribes - 1);
      },
      onHandshake: () => {
        this.stats.handshakes += 1;
      },
    });
  }

  reset(): void {
    this.faults = defaultFaults();
    this.stats.reset();
    this.calls.clear();
    this.ucs.clear();
    this.records.reset();
    this.captures.clear();
  }
}
