// The supervisor's tab: the team at a glance (figures for a window, pops over time, agents), the live
// feed of every agent's pops as a full-width table, and any interaction's history beside it (a row of
// the feed, a search, a deep link). With the embedded simulator it signs in as the simulator's supervisor.
import { useEffect, useId } from 'react';
import type { WidgetConfig } from '../../shared/widget-config';
import '../features/live-feed/live-feed.css';
import { SignInForm } from '../features/gws-session/components/sign-in-form';
import { useGwsSession } from '../features/gws-session/use-gws-session';
import { HistoryFrame } from '../features/history/components/history-frame';
import { useFeedConnection } from '../features/live-feed/api/feed-stream';
import { FeedStateBadge } from '../features/live-feed/components/feed-state';
import { FeedTable } from '../features/live-feed/components/feed-table';
import { TeamOverview } from '../features/live-feed/components/team-overview';
import { useUniqueIdQuery } from '../features/lookup/api/get-unique-id';
import { SearchForm } from '../features/lookup-search/components/search-form';
import { SearchResult } from '../features/lookup-search/components/search-result';
import type { Search } from '../features/lookup-search/model/search-params';
import { useSearchLocation } from '../features/lookup-search/model/use-search-location';
import { simSupervisor } from '../features/sim-panel/api/sim-users';
import { t } from '../i18n/i18n';
import '../ui/forms.css';

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

/** The history of the search on screen, beside the dashboard (over it on narrower screens). */
function HistoryPane({
  search,
  historyOrigin,
  onClose,
}: {
  search: Search;
  historyOrigin: string;
  onClose(): void;
}) {
  const id = useId();
  useEffect(() => {
    const close = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onClose();
    };
    document.addEventListener('keydown', close);
    return () => document.removeEventListener('keydown', close);
  }, [onClose]);
  return (
    <aside className="dash__pane" aria-labelledby={`${id}-h`}>
      <div className="dash__pane-head">
        <h2 id={`${id}-h`}>{t('dashboard.history')}</h2>
        <button type="button" onClick={onClose}>
          {t('dashboard.close')}
        </button>
      </div>
      <SupervisorSearchResult search={search} historyOrigin={historyOrigin} />
    </aside>
  );
}

/** The dashboard, once signed in: the stream opened before would be refused for good (401). */
function Dashboard({
  config,
  search,
  onOpen,
}: {
  config: WidgetConfig;
  search: Search | null;
  onOpen(search: Search): void;
}) {
  useFeedConnection();
  return (
    <>
      <TeamOverview backlogMaxAgeMs={config.feedBacklogMaxAgeMs} />
      <FeedTable
        onOpen={(link) => onOpen({ attribute: link.attribute, value: link.value })}
        current={search}
      />
    </>
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
  const signedIn = session.status === 'signed-in';
  const paneOpen = search !== null && signedIn;
  return (
    <div className="layout layout--supervisor">
      <main className="dash" data-pane={paneOpen || undefined} aria-label={t('supervisor.title')}>
        <header className="dash__bar">
          <h1>{t('supervisor.title')}</h1>
          <SearchForm
            key={search ? `${search.attribute}:${search.value}` : 'empty'}
            initial={search}
            onSearch={navigate}
          />
          {signedIn ? <FeedStateBadge /> : null}
        </header>
        {session.credentialsRequired ? <SignInForm onSignIn={session.signIn} /> : null}
        {signedIn ? <Dashboard config={config} search={search} onOpen={navigate} /> : null}
        {paneOpen ? (
          <HistoryPane search={search} historyOrigin={config.historyOrigin} onClose={() => navigate(null)} />
        ) : null}
      </main>
    </div>
  );
}
