// One diagnostics session: the wire tap's messages go to the observers (what the checklist reads) and,
// while a capture runs, to its recorder (redacted as a whole when it stops). Outside React: the tap is
// called from the protocol clients, as messages arrive.
import type { Capture } from '../../../shared/capture';
import { type CaptureRecorder, createCaptureRecorder } from '../../../shared/capture-recorder';
import type { PopReport } from '../../../shared/pop-report';
import type { WireTap } from '../../lib/wire-tap';
import { createObservations, GwsObserver, ScapiObserver } from './model/observations';

/** A request to WWE unanswered this long (its own client's timeout) counts as refused without a word. */
const UNANSWERED_MS = 10_000;

export interface DiagnosticsSession {
  readonly observations: ReturnType<typeof createObservations>;
  /** Pops settled while the view was open (their outcome only: no caller, value or id). */
  readonly pops: Pick<PopReport, 'outcome' | 'attribute' | 'timings'>[];
  tap: WireTap;
  pop(report: PopReport): void;
  startCapture(): void;
  readonly capturing: number | null;
  stopCapture(meta: Pick<Capture, 'widget'> & Partial<Pick<Capture, 'site'>>): Promise<Capture | null>;
  /** Called (at most every 200 ms) when something new was seen. */
  onChange(listener: () => void): () => void;
  dispose(): void;
}

export function createDiagnosticsSession(): DiagnosticsSession {
  const observations = createObservations();
  const scapi = new ScapiObserver(observations);
  const gws = new GwsObserver(observations);
  const pops: DiagnosticsSession['pops'] = [];
  const listeners = new Set<() => void>();
  // Recording from the start: a capture that a replay can play holds the session's opening exchange
  // (the subscription, the interactions listed, the token), so it begins when the view opens.
  let recorder: CaptureRecorder | null = createCaptureRecorder();
  let pending: ReturnType<typeof setTimeout> | undefined;
  const changed = () => {
    pending ??= setTimeout(() => {
      pending = undefined;
      for (const listener of listeners) listener();
    }, 200);
  };
  const expiry = setInterval(() => {
    scapi.expire(Date.now(), UNANSWERED_MS);
    changed();
  }, 2_000);

  const tap: WireTap = (via, dir, data, extra = {}) => {
    if (via === 'scapi') {
      if (dir === 'in') scapi.incoming(data, extra.origin ?? '');
      else scapi.outgoing(data);
    } else if (via === 'cometd') {
      if (dir === 'in') gws.cometdIn(extra.channel ?? '', data);
      else gws.cometdOut(data);
    } else if (dir === 'out') {
      gws.ucsOut(data);
    } else {
      gws.ucsIn(data);
    }
    // The capture format keeps CometD's incoming side: what GWS said (the replay plays GWS's part).
    if (recorder && !(via === 'cometd' && dir === 'out')) {
      // The recorder keeps a call's messages: a published message's payload, not its Bayeux envelope.
      const payload =
        via === 'cometd' && dir === 'in' && !extra.channel?.startsWith('/meta/')
          ? (data as { data?: unknown }).data
          : data;
      const { channel, status } = extra;
      recorder.record(via, dir, payload, {
        ...(channel === undefined ? {} : { channel }),
        ...(status === undefined ? {} : { status }),
      });
    }
    changed();
  };

  return {
    observations,
    pops,
    tap,
    pop(report) {
      pops.unshift({ outcome: report.outcome, attribute: report.attribute, timings: report.timings });
      pops.splice(20);
      recorder?.record('pop', 'out', report);
      changed();
    },
    startCapture() {
      recorder = createCaptureRecorder();
      changed();
    },
    get capturing() {
      return recorder ? recorder.entries : null;
    },
    async stopCapture(meta) {
      const finished = recorder;
      recorder = null;
      changed();
      return finished ? finished.finish(meta) : null;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      clearInterval(expiry);
      clearTimeout(pending);
      listeners.clear();
    },
  };
}
