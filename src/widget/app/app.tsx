import { useConfigQuery } from '../features/config/api/get-config';
import { texts } from '../ui/texts';
import { AgentView } from './agent-view';
import { readMode } from './mode';

const mode = readMode(window.location.search);

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
  return <AgentView config={config.data} mode={mode === 'supervisor' ? 'agent' : mode} />;
}
