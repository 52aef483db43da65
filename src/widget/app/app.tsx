import { lazy, Suspense } from 'react';
import { useConfigQuery } from '../features/config/api/get-config';
import { texts } from '../ui/texts';
import { applyTheme } from '../ui/theme';
import { AgentView } from './agent-view';
import { readHost, readMode } from './mode';

const mode = readMode(window.location.search);
const host = readHost(window.location.search);
applyTheme(new URLSearchParams(window.location.search).get('theme'));

// Supervisor code stays out of the agent's and the desktop's initial load.
const SupervisorView = lazy(() => import('./supervisor-view'));

export function App() {
  const config = useConfigQuery();
  if (config.isPending) return <p className="waiting">{texts.loadingConfig}</p>;
  if (config.isError) {
    return (
      <div role="alert" className="fatal">
        <p>{texts.configFailed}</p>
        <button type="button" onClick={() => void config.refetch()}>
          {texts.retry}
        </button>
      </div>
    );
  }
  if (mode === 'supervisor') {
    return (
      <Suspense fallback={<p className="waiting">{texts.loadingConfig}</p>}>
        <SupervisorView config={config.data} />
      </Suspense>
    );
  }
  return <AgentView config={config.data} mode={mode} host={host} />;
}
