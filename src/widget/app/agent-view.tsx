import { lazy, memo, type ReactNode, Suspense, useCallback, useEffect } from 'react';
import type { WidgetConfig } from '../../shared/widget-config';
import { PopAnnouncer } from '../features/calls/components/pop-announcer';
import { loadSteps, PopPanel } from '../features/calls/components/pop-panel';
import type { Pop } from '../features/calls/model/pop';
import { selectOrder, usePopsStore } from '../features/calls/store/pops-store';
import { useSessionStore } from '../features/gws-session/session-store';
import { HistoryFrame } from '../features/history/components/history-frame';
import { HistoryLink } from '../features/history/components/history-link';
import { ConnectionBadge } from '../features/notifications/components/connection-badge';
import { useCallerNumber } from '../i18n/caller-number';
import { t } from '../i18n/i18n';
import type { AgentMode, Host } from './mode';
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
  mode: AgentMode;
  host: Host;
}

interface PopSlotProps {
  callId: string;
  active: boolean;
  /** More than one call: the slot is the tab panel of its call's tab. */
  tabbed: boolean;
  onRetry(callId: string): void;
  renderHistory(historyUrl: string, pop: Pop): ReactNode;
  renderHistoryLink(historyUrl: string): ReactNode;
}

/**
 * One call's pop, kept mounted while the call is on screen, hidden when another call has the screen:
 * switching back shows its history at once (no reload), a new call never tears the previous one's
 * frame down on its way in, and a step of one pop renders that pop alone.
 */
const PopSlot = memo(function PopSlot({ callId, active, tabbed, ...panel }: PopSlotProps) {
  const pop = usePopsStore(useCallback((state) => state.pops[callId], [callId]));
  if (!pop) return null;
  // With more than one call, the slot is the tab panel of its call's tab.
  const tabPanel = tabbed ? { role: 'tabpanel', 'aria-labelledby': `tab-${callId}` } : {};
  return (
    <div id={`pop-panel-${callId}`} className="pop-slot" hidden={!active} {...tabPanel}>
      <PopPanel pop={pop} {...panel} />
    </div>
  );
});

export function AgentView({ config, mode, host }: AgentViewProps) {
  const { signIn, retry, signOut } = useAgentRuntime(config, mode, host);
  const sessionStatus = useSessionStore((s) => s.status);
  const credentialsRequired = useSessionStore((s) => s.credentialsRequired);
  const order = usePopsStore(selectOrder);
  const activeId = usePopsStore((s) => s.activeId);
  const popCount = order.length;
  const callerNumber = useCallerNumber();
  useEffect(() => {
    if (popCount > 0) {
      void loadCallTabs();
      void loadSteps();
    }
  }, [popCount]);

  const { historyOrigin } = config;
  const renderHistoryLink = useCallback(
    (historyUrl: string) => <HistoryLink historyUrl={historyUrl} historyOrigin={historyOrigin} />,
    [historyOrigin],
  );
  const renderHistory = useCallback(
    (historyUrl: string, pop: Pop) => (
      <HistoryFrame
        callId={pop.callId}
        caller={pop.caller === undefined ? undefined : callerNumber(pop.caller)}
        historyUrl={historyUrl}
        historyOrigin={historyOrigin}
        withLink={false}
      />
    ),
    [historyOrigin, callerNumber],
  );

  const current =
    popCount === 0 ? (
      <p className="waiting">{t('calls.waiting')}</p>
    ) : (
      order.map((callId) => (
        <PopSlot
          key={callId}
          callId={callId}
          active={callId === activeId}
          tabbed={popCount > 1}
          onRetry={retry}
          renderHistory={renderHistory}
          renderHistoryLink={renderHistoryLink}
        />
      ))
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
        {current}
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
