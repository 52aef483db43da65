// Our own embedding contract on the parent link: `uhw:call` and `uhw:theme` in, checked against their
// schemas; `uhw:ready`, `uhw:popped`, `uhw:error` out.
import type { HostCallMessage, HostThemeMessage, WidgetMessage } from '../../../shared/embed-messages';
import * as embed from '../../../shared/embed-messages?validators';
import type { OriginRule } from '../../lib/origins';
import { linkParent } from '../../lib/parent-link';
import { guard } from '../../lib/schema';

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
  return linkParent(
    win,
    rules,
    (data, origin) => {
      if (isHostCall(data)) handlers.onCall(data.call);
      else if (isHostTheme(data)) handlers.onTheme(data.theme);
      else {
        handlers.log(`message from ${origin} ignored: ${isHostCall.explain(data)}`);
        return false;
      }
      return true;
    },
    handlers.log,
  );
}
