// A deep link as a call source: `?callId=…&ani=…&dnis=…&type=…` pops that one call, answered, as a
// desktop that opens the widget per call would link it.
import type { CallSource, SourceCall } from '../../lib/call-source';

const MAX = { callId: 256, value: 128 };

/** The call a URL names, or null when it names none (or names it badly). */
export function deepLinkCall(search: string): SourceCall | null {
  const params = new URLSearchParams(search);
  const id = params.get('callId');
  if (!id || id.length > MAX.callId) return null;
  const value = (name: string) => {
    const raw = params.get(name);
    return raw && raw.length <= MAX.value ? raw : undefined;
  };
  return {
    id,
    gwsCallId: id,
    state: 'Established',
    ani: value('ani'),
    dnis: value('dnis'),
    callType: value('type'),
  };
}

export const deepLinkSource = (search: string): CallSource => ({
  name: 'deep-link',
  start({ sink }) {
    const call = deepLinkCall(search);
    if (call) sink.call(call);
    return () => {};
  },
});
