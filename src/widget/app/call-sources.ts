// Where calls come from, per face of the widget: one line per call source. A desktop protocol of its
// own is a folder under features/ exporting a CallSource, plus one line here.
import type { WidgetConfig } from '../../shared/widget-config';
import { gwsCallSource } from '../features/notifications/gws-call-source';
import type { GwsNotifications } from '../features/notifications/gws-notifications';
import { callerNumber } from '../i18n/caller-number';
import { t } from '../i18n/i18n';
import { type CallSource, lazySource } from '../lib/call-source';
import { applyTheme } from '../ui/theme';
import type { AgentMode, Host } from './mode';

export interface SourceEnvironment {
  mode: AgentMode;
  host: Host;
  config: WidgetConfig;
  win: Window;
  gws: GwsNotifications;
}

const SOURCES: { when(env: SourceEnvironment): boolean; create(env: SourceEnvironment): CallSource }[] = [
  // Inside WWE, WWE follows the agent's calls: no second call stream from GWS.
  { when: (env) => env.host !== 'wwe', create: (env) => gwsCallSource(env.gws) },
  {
    when: (env) => env.mode === 'embedded' && env.host === 'page',
    // Lazy, with the host's first messages held meanwhile: a host may post a call before the code loads.
    create: (env) =>
      lazySource(
        'host-page',
        async () =>
          (await import('../features/host-page/host-page-source')).hostPageSource({
            win: env.win,
            frameAncestors: env.config.frameAncestors,
            onTheme: applyTheme,
          }),
        env.win,
      ),
  },
  {
    when: (env) => env.host === 'wwe',
    create: (env) =>
      lazySource('wwe', async () =>
        (await import('../features/wwe/wwe-source')).wweSource({
          win: env.win,
          frameAncestors: env.config.frameAncestors,
          useJwt: env.config.auth === 'jwt',
          writeBackKey: env.config.wwe.writeBackKey,
          toast: env.config.wwe.toast,
          toastText: (caller) => ({
            title: t('wweToast.title'),
            message:
              caller === undefined
                ? t('wweToast.messageUnknown')
                : t('wweToast.message', { caller: callerNumber(caller) }),
          }),
        }),
      ),
  },
  // Only a URL that names a call needs it; loaded while the session is checked.
  {
    when: (env) => new URLSearchParams(env.win.location.search).has('callId'),
    create: (env) =>
      lazySource('deep-link', async () =>
        (await import('../features/deep-link/deep-link-source')).deepLinkSource(env.win.location.search),
      ),
  },
];

export const callSourcesFor = (env: SourceEnvironment): CallSource[] =>
  SOURCES.filter((source) => source.when(env)).map((source) => source.create(env));
