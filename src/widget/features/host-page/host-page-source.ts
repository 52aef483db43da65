// The embedding contract of our own (`uhw:*` postMessage) as a call source: the host page hands calls
// over, with their state (a host can release a call too), and hears back `uhw:ready` once the widget
// can pop with everything it has, then one `uhw:popped` or `uhw:error` per pop.
import type { HostCallMessage, HostThemeMessage, WidgetMessage } from '../../../shared/embed-messages';
import type { PopReport } from '../../../shared/pop-report';
import type { CallSource, SourceCall } from '../../lib/call-source';
import { parseOriginRules } from '../../lib/origins';
import { connectHost } from './host-channel';

export interface HostPageSourceOptions {
  win: Window;
  /** FRAME_ANCESTORS: the origins allowed to embed the widget and to talk to it. */
  frameAncestors: readonly string[];
  onTheme(theme: HostThemeMessage['theme']): void;
}

/** A host call's id is the desktop's id of the GWS call, so FindPhoneCall can take it. */
export const hostCall = (call: HostCallMessage['call']): SourceCall => ({
  id: call.id,
  gwsCallId: call.id,
  state: call.state ?? 'Established',
  callType: call.type,
  ani: call.ani,
  dnis: call.dnis,
  userData: call.userData,
});

export function outcomeMessage(report: PopReport): WidgetMessage {
  if (report.outcome === 'found' && report.uniqueId && report.historyUrl) {
    return {
      type: 'uhw:popped',
      callId: report.callId,
      uniqueId: report.uniqueId,
      historyUrl: report.historyUrl,
    };
  }
  const code = report.outcome === 'error' ? (report.errorCode ?? 'upstream_error') : 'not_found';
  return { type: 'uhw:error', callId: report.callId, code };
}

export const hostPageSource = ({ win, frameAncestors, onTheme }: HostPageSourceOptions): CallSource => ({
  name: 'host-page',
  start({ sink, ready, onSettled, log }) {
    const host = connectHost(win, parseOriginRules(frameAncestors, win.location.origin), {
      onCall: (call) => sink.call(hostCall(call)),
      onTheme,
      log,
    });
    if (!host) return () => {};
    let stopped = false;
    void ready.then(() => {
      if (!stopped) host.post({ type: 'uhw:ready' });
    });
    const stopTelling = onSettled((report) => host.post(outcomeMessage(report)));
    return () => {
      stopped = true;
      stopTelling();
      host.dispose();
    };
  },
});
