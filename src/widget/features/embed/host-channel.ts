// The postMessage link with the page that embeds the widget. Incoming messages count only from an
// allowed origin and only if they match the schema; outgoing messages go to the parent's origin only.
import type { HostCallMessage, HostThemeMessage, WidgetMessage } from '../../../shared/embed-messages';
import embed from '../../../shared/embed-messages?json-schema';
import { guard } from '../../lib/schema';
import { exactOrigins, type OriginRule, originAllowed } from './origins';

const isHostCall = guard<HostCallMessage>(embed.HostCallMessage, 'uhw:call');
const isHostTheme = guard<HostThemeMessage>(embed.HostThemeMessage, 'uhw:theme');

export interface HostHandlers {
  onCall(call: HostCallMessage['call']): void;
  onTheme(theme: HostThemeMessage['theme']): void;
  log(message: string): void;
}

export interface HostChannel {
  post(message: WidgetMessage): void;
  dispose(): void;
}

export function connectHost(
  win: Window,
  rules: readonly OriginRule[],
  handlers: HostHandlers,
): HostChannel | null {
  if (win.parent === win) return null;
  // Chromium tells the embedding origin up front; elsewhere the first valid message from the host does.
  const ancestor = win.location.ancestorOrigins?.[0];
  let parentOrigin: string | null = ancestor && originAllowed(ancestor, rules) ? ancestor : null;

  const onMessage = (event: MessageEvent) => {
    if (event.source !== win.parent) return;
    if (!originAllowed(event.origin, rules)) {
      handlers.log(`message from ${event.origin} ignored: origin not allowed`);
      return;
    }
    const data: unknown = event.data;
    if (isHostCall(data)) {
      parentOrigin ??= event.origin;
      handlers.onCall(data.call);
    } else if (isHostTheme(data)) {
      parentOrigin ??= event.origin;
      handlers.onTheme(data.theme);
    } else {
      handlers.log(`message from ${event.origin} ignored: ${isHostCall.explain(data)}`);
    }
  };
  win.addEventListener('message', onMessage);

  const post = (message: WidgetMessage) => {
    // targetOrigin makes the browser drop the message unless the parent really is at that origin.
    const targets = parentOrigin ? [parentOrigin] : exactOrigins(rules);
    for (const target of targets) win.parent.postMessage(message, target);
  };
  return { post, dispose: () => win.removeEventListener('message', onMessage) };
}
