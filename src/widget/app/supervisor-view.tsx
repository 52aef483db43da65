// The supervisor's tab: look up any interaction (deep-linkable), and the live feed of this browser's pops.
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

export default function SupervisorView({ config }: { config: WidgetConfig }) {
  const [search, navigate] = useSearchLocation();
  const session = useGwsSession();
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
            <LiveFeed onOpen={(attribute, value) => navigate({ attribute, value })} />
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
