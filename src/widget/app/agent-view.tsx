import { lazy, Suspense, useEffect } from 'react';
import type { WidgetConfig } from '../../shared/widget-config';
import { PopAnnouncer } from '../features/calls/components/pop-announcer';
import { PopPanel } from '../features/calls/components/pop-panel';
import type { Pop } from '../features/calls/model/pop';
import { selectActivePop, usePopsStore } from '../features/calls/store/pops-store';
import { useSessionStore } from '../features/gws-session/session-store';
import { HistoryFrame } from '../features/history/components/history-frame';
import { HistoryLink } from '../features/history/components/history-link';
import { ConnectionBadge } from '../features/notifications/components/connection-badge';
import { useCallerNumber } from '../i18n/caller-number';
import { t } from '../i18n/i18n';
import type { Host, Mode } from './mode';
import { useAgentRuntime } from './use-agent-runtime';

// Tabs appear with a second call: not in the initial load, fetched once a first call is on screen.
const loadCallTabs = () => import('../features/calls/components/call-tabs');
const CallTabs = lazy(loadCallTabs);
// The simulator panel is a demo aid: never part of the initial load.
const SimPanel = lazy(() => import('../features/sim-panel/components/sim-panel'));
// Only the standalone agent view without a GWS session shows it: not in the desktop's initial load.
const SignInForm = lazy(() =>
  import('../features/gws-session/components/sign-in-form').then((module) => ({
    default: module.SignInForm,
  })),
);

interface AgentViewProps {
  config: WidgetConfig;
  mode: Exclude<Mode, 'supervisor'>;
  host: Host;
}

export function AgentView({ config, mode, host }: AgentViewProps) {
  const { signIn, retry, signOut } = useAgentRuntime(config, mode, host);
  const sessionStatus = useSessionStore((s) => s.status);
  const credentialsRequired = useSessionStore((s) => s.credentialsRequired);
  const active = usePopsStore(selectActivePop);
  const popCount = usePopsStore((s) => s.order.length);
  const callerNumber = useCallerNumber();
  useEffect(() => {
    if (popCount > 0) void loadCallTabs();
  }, [popCount]);

  const current = active ? (
    <PopPanel
      key={active.callId}
      pop={active}
      onRetry={retry}
      renderHistoryLink={(historyUrl: string) => (
        <HistoryLink historyUrl={historyUrl} historyOrigin={config.historyOrigin} />
      )}
      renderHistory={(historyUrl: string, pop: Pop) => (
        <HistoryFrame
          callId={pop.callId}
          caller={pop.caller === undefined ? undefined : callerNumber(pop.caller)}
          historyUrl={historyUrl}
          historyOrigin={config.historyOrigin}
          withLink={false}
        />
      )}
    />
  ) : (
    <p className="waiting">{t('calls.waiting')}</p>
  );

  const main =
    credentialsRequired && mode === 'agent' ? (
      <Suspense fallback={<p className="waiting">{t('app.loading')}</p>}>
        <SignInForm onSignIn={signIn} />
      </Suspense>
    ) : credentialsRequired && host === 'page' ? (
      // Embedded: the desktop owns the GWS session; the widget cannot ask for a password there.
      <p role="alert">{t('signIn.embeddedSignedOut')}</p>
    ) : (
      <>
        {popCount > 1 ? (
          <Suspense fallback={null}>
            <CallTabs />
          </Suspense>
        ) : null}
        {popCount > 1 && active ? (
          <div id="active-pop" role="tabpanel" aria-labelledby={`tab-${active.callId}`}>
            {current}
          </div>
        ) : (
          <div id="active-pop">{current}</div>
        )}
      </>
    );

  return (
    <div className={`layout layout--${mode}`}>
      <main className="widget" aria-label={t('app.title')}>
        <header className="widget__bar">
          <h1>{t('app.title')}</h1>
          <ConnectionBadge />
          {mode === 'agent' && sessionStatus === 'signed-in' ? (
            <button type="button" className="link-button" onClick={signOut}>
              {t('signIn.signOut')}
            </button>
          ) : null}
        </header>
        {main}
        <PopAnnouncer />
      </main>
      {config.simulator && mode === 'agent' ? (
        <Suspense fallback={null}>
          <SimPanel />
        </Suspense>
      ) : null}
    </div>
  );
}
