// Workspace Web Edition as a call source, through its Service Client API: the widget subscribes to
// `interaction` (and `markdone`) events, reads the interactions already there, and pops each voice
// interaction once. Optionally it writes the found unique ID back into the interaction's attached
// data, and shows a WWE toast when a history is found while the widget is out of sight.
import type {
  Interaction,
  InteractionEventData,
  ScapiEvent,
  ToastOptions,
} from '../../../shared/scapi-messages';
import * as scapi from '../../../shared/scapi-messages?validators';
import type { CallSource, SourceCall } from '../../lib/call-source';
import { setTokenProvider } from '../../lib/http';
import { parseOriginRules } from '../../lib/origins';
import { anything, guard } from '../../lib/schema';
import { eventInteraction, interactionCall } from './interaction-call';
import { wweTokenProvider } from './jwt-token';
import { connectScapi, type ScapiClient } from './scapi-client';

const isEventData = guard<InteractionEventData>(scapi.InteractionEventData, 'interaction event');
const isInteractionList = guard<Interaction[]>(scapi.InteractionList, 'interaction.getInteractions');
const isVisibility = guard<boolean>(scapi.VisibilityAnswer, 'system.amIVisible');

export const WWE_EVENTS = ['interaction', 'markdone'];

export interface WweSourceOptions {
  win: Window;
  frameAncestors: readonly string[];
  /** PROXY_AUTH=jwt: lookups carry WWE's JWT. */
  useJwt: boolean;
  /** WWE_WRITE_BACK_KEY: the attached-data key the found unique ID is written to. */
  writeBackKey?: string | undefined;
  /** WWE_TOAST: a toast when a history is found while the widget is not visible. */
  toast: boolean;
  /** Toast texts (the caller's number goes in the message). */
  toastText(caller: string | undefined): ToastOptions;
}

export const wweSource = (options: WweSourceOptions): CallSource => ({
  name: 'wwe',
  start({ sink, ready, onSettled, log }) {
    const calls = new Map<string, SourceCall>();
    const take = (event: ScapiEvent) => {
      if (!WWE_EVENTS.includes(event.event)) return;
      if (!isEventData(event.data)) {
        log(`WWE ${event.event} event ignored: ${isEventData.explain(event.data)}`);
        return;
      }
      const call = interactionCall(eventInteraction(event.data));
      if (!call) return;
      // Marked done: the interaction leaves the desktop, and its pop leaves ours.
      const done =
        event.event === 'markdone' || eventInteraction(event.data).state.toUpperCase() === 'COMPLETED';
      const current = done ? { ...call, state: 'Released', closed: true } : call;
      calls.set(current.id, current);
      sink.call(current);
    };
    const client = connectScapi(
      options.win,
      parseOriginRules(options.frameAncestors, options.win.location.origin),
      {
        onEvent: take,
        log,
      },
    );
    if (!client) {
      log('host=wwe, but the widget is not framed: no calls will come');
      return () => {};
    }
    if (options.useJwt) setTokenProvider(wweTokenProvider(client, log));

    let stopped = false;
    void (async () => {
      await ready;
      if (stopped) return;
      try {
        await client.subscribe(WWE_EVENTS);
      } catch (error) {
        log('WWE refused the interaction subscription', error);
      }
      try {
        const present = await client.request('interaction.getInteractions', [], isInteractionList);
        const found = present.flatMap((interaction) => interactionCall(interaction) ?? []);
        for (const call of found) calls.set(call.id, call);
        if (!stopped) sink.current(found);
      } catch (error) {
        log('WWE did not list its interactions', error);
      }
    })();

    const stopTelling = onSettled((report) => {
      const call = calls.get(report.callId);
      if (!call || call.state === 'Released' || report.outcome !== 'found' || !report.uniqueId) return;
      if (options.writeBackKey) void writeBack(client, call.id, options.writeBackKey, report.uniqueId, log);
      if (options.toast) void toastIfHidden(client, options.win, options.toastText(report.caller), log);
    });
    return () => {
      stopped = true;
      stopTelling();
      client.dispose();
      if (options.useJwt) setTokenProvider(null);
    };
  },
});

/** Contact-center reporting joins calls to Uniphore sessions by this attached-data key. */
async function writeBack(
  client: ScapiClient,
  interactionId: string,
  key: string,
  uniqueId: string,
  log: (message: string, detail?: unknown) => void,
): Promise<void> {
  try {
    await client.request('interaction.setUserData', [interactionId, { [key]: uniqueId }], anything);
  } catch (error) {
    log(`WWE did not take the unique ID into ${interactionId}'s attached data`, error);
  }
}

/** WWE knows whether our panel is in view (`system.amIVisible`); the page's own state is the fallback. */
async function toastIfHidden(
  client: ScapiClient,
  win: Window,
  toast: ToastOptions,
  log: (message: string, detail?: unknown) => void,
): Promise<void> {
  let visible: boolean;
  try {
    visible = await client.request('system.amIVisible', [], isVisibility, 2_000);
  } catch {
    visible = win.document.visibilityState === 'visible';
  }
  if (visible) return;
  try {
    await client.request('system.popupToast', [toast], anything);
  } catch (error) {
    log('WWE did not show the toast', error);
  }
}
