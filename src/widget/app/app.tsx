import { lazy, Suspense, useEffect } from 'react';
import { useConfigQuery } from '../features/config/api/get-config';
import { loadCallerNumberFormat } from '../i18n/caller-number';
import { t } from '../i18n/i18n';
import type { LocaleChoice } from '../i18n/negotiate-locale';
import { applyTheme } from '../ui/theme';
import { AgentView } from './agent-view';
import { readHost, readMode } from './mode';

const mode = readMode(window.location.search);
const host = readHost(window.location.search);
applyTheme(new URLSearchParams(window.location.search).get('theme'));

// Supervisor code stays out of the agent's and the desktop's initial load; so does the diagnostics view.
const OtherFace = lazy(() => import('./other-faces'));

export function App({ locale }: { locale: LocaleChoice }) {
  const config = useConfigQuery();
  const numberRegion = config.data?.callerNumberRegion;
  useEffect(() => {
    if (numberRegion) void loadCallerNumberFormat(numberRegion, locale.region);
  }, [numberRegion, locale.region]);

  if (config.isPending) return <p className="waiting">{t('app.loading')}</p>;
  if (config.isError) {
    return (
      <div role="alert" className="fatal">
        <p>{t('app.configFailed')}</p>
        <button type="button" onClick={() => void config.refetch()}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  if (mode === 'supervisor' || mode === 'diagnostics') {
    return (
      <Suspense fallback={<p className="waiting">{t('app.loading')}</p>}>
        <OtherFace face={mode} config={config.data} host={host} />
      </Suspense>
    );
  }
  return <AgentView config={config.data} mode={mode} host={host} />;
}
