// The one seam for where calls come from. GWS notifications, the host page's `uhw:call` messages, a
// deep link and WWE's Service Client API are each a CallSource: started with a context holding the
// sink for its call events, it returns the function that stops it. Sources know their protocol; the
// pop engine behind the sink knows nothing of them.
import type { UserData } from '../../shared/gws-messages';
import type { PopReport } from '../../shared/pop-report';

/** A call as every source hands it over, in GWS's vocabulary of states and types. */
export interface SourceCall {
  /** One pop per id: unique within the source (GWS call id, host call id, WWE interaction id). */
  id: string;
  /** `Ringing`, `Dialing`, `Established`, `Held`, `Released` (others are kept but start nothing). */
  state: string;
  /** `Inbound`, `Outbound`, `Internal`, `Consult`, or absent. */
  callType?: string | undefined;
  /** The other party's number, as the source received it (lookups send it exactly so). */
  ani?: string | undefined;
  dnis?: string | undefined;
  userData?: UserData | undefined;
  /** The GWS call id that FindPhoneCall takes, when the source knows it (GWS: the id; WWE: callUuid). */
  gwsCallId?: string | undefined;
  /** The desktop closed it (WWE: marked done): the pop leaves the screen at once, not a minute later. */
  closed?: boolean | undefined;
}

export interface CallSink {
  /** A call rang, changed (answered, held, data attached) or ended. */
  call(call: SourceCall): void;
  /**
   * The calls in progress, as read after a (re)connect. A call not seen before that is ringing takes
   * the screen like a live one; an older established one does not steal it.
   */
  current(calls: readonly SourceCall[]): void;
}

export interface CallSourceContext {
  sink: CallSink;
  /** Resolves once the widget can pop with everything it has (e.g. GWS publishes to it). */
  ready: Promise<void>;
  /** Tells the listener each pop's outcome; returns the function that stops telling it. */
  onSettled(listener: (report: PopReport) => void): () => void;
  log(message: string, detail?: unknown): void;
}

export interface CallSource {
  /** Short name, carried in pop reports (`gws`, `host-page`, `deep-link`, `wwe`). */
  readonly name: string;
  start(context: CallSourceContext): () => void;
}

/** Messages from the parent held while a lazy source loads, at most. */
const EARLY_MESSAGES_MAX = 64;

/**
 * A source whose code is loaded only when it is started (a desktop protocol most agents never need
 * stays out of the initial bundle). A source that a host may talk to at once (the host page posts
 * `uhw:call` whenever it likes) passes `heldFrom`: messages from that window's parent that arrive while
 * the code loads are held, then dispatched again once the source listens, with their own origin and
 * source, so it checks them as it checks any other.
 */
export function lazySource(name: string, load: () => Promise<CallSource>, from?: Window): CallSource {
  // Not framed: no parent talks to it, nothing to hold.
  const heldFrom = from && from.parent !== from ? from : undefined;
  return {
    name,
    start(context) {
      let stop: (() => void) | null = null;
      let stopped = false;
      const held: MessageEvent[] = [];
      const hold = (event: MessageEvent) => {
        if (heldFrom && event.source === heldFrom.parent && held.length < EARLY_MESSAGES_MAX)
          held.push(event);
      };
      heldFrom?.addEventListener('message', hold);
      load()
        .then((source) => {
          heldFrom?.removeEventListener('message', hold);
          if (stopped) return;
          stop = source.start(context);
          for (const { data, origin, source: from } of held.splice(0)) {
            heldFrom?.dispatchEvent(new MessageEvent('message', { data, origin, source: from }));
          }
        })
        .catch((error: unknown) => {
          heldFrom?.removeEventListener('message', hold);
          context.log(`the ${name} call source could not be loaded`, error);
        });
      return () => {
        stopped = true;
        heldFrom?.removeEventListener('message', hold);
        stop?.();
      };
    },
  };
}
