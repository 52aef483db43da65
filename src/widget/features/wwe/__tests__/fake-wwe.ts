// A window framed by a stand-in WWE: what the widget posts to its parent is handed to `answer`,
// whose reply (if any) comes back as a message from the parent, as WWE's would.
import { SCAPI_PROTOCOL_VERSION, SCAPI_SERVER_AGENT } from '../../../../shared/scapi-constants';

export const WWE_ORIGIN = 'https://wwe.example.com';
export const WIDGET_ORIGIN = 'https://widget.example.com';

type Listener = (event: MessageEvent) => void;
export interface Posted {
  message: Record<string, unknown>;
  targetOrigin: string;
}

export function fakeWwe(answer: (message: Record<string, unknown>) => Record<string, unknown> | null) {
  const listeners = new Set<Listener>();
  const posted: Posted[] = [];
  const stranger = {};
  const deliver = (data: unknown, { origin = WWE_ORIGIN, source = parent as unknown } = {}) => {
    for (const listener of [...listeners]) listener({ data, origin, source } as MessageEvent);
  };
  const parent = {
    postMessage(message: Record<string, unknown>, targetOrigin: string) {
      posted.push({ message, targetOrigin });
      const reply = answer(message);
      if (reply) {
        queueMicrotask(() =>
          deliver({ ...reply, userAgent: SCAPI_SERVER_AGENT, protocolVersion: SCAPI_PROTOCOL_VERSION }),
        );
      }
    },
  };
  const win = {
    parent,
    location: { origin: WIDGET_ORIGIN, search: '?mode=embedded&host=wwe', ancestorOrigins: [WWE_ORIGIN] },
    document: { visibilityState: 'visible' },
    addEventListener: (_type: string, listener: Listener) => listeners.add(listener),
    removeEventListener: (_type: string, listener: Listener) => listeners.delete(listener),
  } as unknown as Window;
  return {
    win,
    posted,
    /** An event from WWE, as it posts them. */
    emit(event: string, data: unknown) {
      deliver({ event, data, userAgent: SCAPI_SERVER_AGENT, protocolVersion: SCAPI_PROTOCOL_VERSION });
    },
    /** Anything, from anyone: another origin, another window. */
    deliver,
    stranger,
    listeners,
  };
}

export const rules = [{ kind: 'exact' as const, origin: WWE_ORIGIN }];
