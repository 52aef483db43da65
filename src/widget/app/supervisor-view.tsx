// The supervisor's tab: look up any interaction (deep-linkable), and the team's live feed (every agent's
// pops, from the proxy). With the embedded simulator it signs in as the simulator's supervisor.
import type { WidgetConfig } from '../../shared/widget-config';
import '../features/live-feed/live-feed.css';
import { SignInForm } from '../features/gws-session/components/sign-in-form';
import { useGwsSession } from '../features/gws-session/use-gws-session';
import { HistoryFrame } from '../features/history/components/history-frame';
import { LiveFeed } from '../features/live-feed/components/live-feed';
import { useUniqueIdQuery } from '../features/lookup/api/get-unique-id';
import { SearchForm } from '../features/lookup-search/components/search-form';
import { SearchResult } from '../features/lookup-search/components/search-result';
import type { Search } from '../features/lookup-search/model/search-params';
import { useSearchLocation } from '../features/lookup-search/model/use-search-location';
import { simSupervisor } from '../features/sim-panel/api/sim-users';
import { t } from '../i18n/i18n';

function SupervisorSearchResult({ search, historyOrigin }: { search: Search; historyOrigin: string }) {
  const query = useUniqueIdQuery(search.attribute, search.value);
  return (
    <SearchResult
      search={search}
      query={query}
      renderHistory={(historyUrl, label) => (
        <HistoryFrame
          callId={`search:${search.attribute}:${search.value}`}
          caller={label}
          historyUrl={historyUrl}
          historyOrigin={historyOrigin}
        />
      )}
    />
  );
}

/** The simulated supervisor's demo credentials: `npm start` shows the team feed without a sign-in. */
async function simulatorSupervisor() {
  const user = await simSupervisor().catch(() => null);
  return user && { username: user.username, password: user.password };
}

export default function SupervisorView({ config }: { config: WidgetConfig }) {
  const [search, navigate] = useSearchLocation();
  const session = useGwsSession(config.simulator ? simulatorSupervisor : undefined);
  return (
    <div className="layout layout--supervisor">
      <main className="widget supervisor" aria-label={t('supervisor.title')}>
        <header className="widget__bar">
          <h1>{t('supervisor.title')}</h1>
        </header>
        {session.credentialsRequired ? <SignInForm onSignIn={session.signIn} /> : null}
        <div className="supervisor__grid" hidden={session.status !== 'signed-in'}>
          <div className="supervisor__side">
            <SearchForm
              key={search ? `${search.attribute}:${search.value}` : 'empty'}
              initial={search}
              onSearch={navigate}
            />
            {/* The stream is opened once signed in: opened before, the proxy would refuse it for good (401). */}
            {session.status === 'signed-in' ? (
              <LiveFeed onOpen={(attribute, value) => navigate({ attribute, value })} />
            ) : null}
          </div>
          <div className="supervisor__result">
            {search && session.status === 'signed-in' ? (
              <SupervisorSearchResult search={search} historyOrigin={config.historyOrigin} />
            ) : (
              <p className="waiting">{t('search.hint')}</p>
            )}
          </div>
        </div>
      </main>
    </div>
  );
}
