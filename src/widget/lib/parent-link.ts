// The postMessage link with the window that embeds the widget, shared by every desktop protocol:
// messages count only from the parent window and an allowed origin (FRAME_ANCESTORS); messages go out
// to the parent's origin only (the browser drops them unless the parent really is there).
import { exactOrigins, type OriginRule, originAllowed } from './origins';

export interface ParentLink {
  post(message: unknown): void;
  dispose(): void;
}

/**
 * `receive` returns whether the message was one of ours (schema-valid): only such a message teaches
 * the link the parent's origin. Null when the widget is not framed.
 */
export function linkParent(
  win: Window,
  rules: readonly OriginRule[],
  receive: (data: unknown, origin: string) => boolean,
  log: (message: string) => void,
): ParentLink | null {
  if (win.parent === win) return null;
  // Chromium tells the embedding origin up front; elsewhere the first valid message from it does.
  const ancestor = win.location.ancestorOrigins?.[0];
  let parentOrigin: string | null = ancestor && originAllowed(ancestor, rules) ? ancestor : null;

  const onMessage = (event: MessageEvent) => {
    // Other windows (the history page we frame, a sibling frame) are not the desktop: not a word.
    if (event.source !== win.parent) return;
    if (!originAllowed(event.origin, rules)) {
      log(`message from ${event.origin} ignored: origin not allowed`);
      return;
    }
    if (receive(event.data, event.origin)) parentOrigin ??= event.origin;
  };
  win.addEventListener('message', onMessage);

  return {
    post(message) {
      const targets = parentOrigin ? [parentOrigin] : exactOrigins(rules);
      for (const target of targets) win.parent.postMessage(message, target);
    },
    dispose: () => win.removeEventListener('message', onMessage),
  };
}
