// The supervisor's tab: look up any interaction (deep-linkable), and the live feed of this browser's pops.
import type { WidgetConfig } from '../../shared/widget-config';
import '../features/live-feed/live-feed.css';
import { LiveFeed } from '../features/live-feed/components/live-feed';
import { SearchForm } from '../features/lookup-search/components/search-form';
import { SearchResult } from '../features/lookup-search/components/search-result';
import { useSearchLocation } from '../features/lookup-search/model/use-search-location';
import { texts } from '../ui/texts';

export default function SupervisorView({ config }: { config: WidgetConfig }) {
  const [search, navigate] = useSearchLocation();
  return (
    <div className="layout layout--supervisor">
      <main className="widget supervisor" aria-label={texts.supervisor.title}>
        <header className="widget__bar">
          <h1>{texts.supervisor.title}</h1>
        </header>
        <div className="supervisor__grid">
          <div className="supervisor__side">
            <SearchForm
              key={search ? `${search.attribute}:${search.value}` : 'empty'}
              initial={search}
              onSearch={navigate}
            />
            <LiveFeed />
          </div>
          <div className="supervisor__result">
            {search ? (
              <SearchResult search={search} historyOrigin={config.historyOrigin} />
            ) : (
              <p className="waiting">{texts.search.hint}</p>
            )}
          </div>
        </div>
      </main>
    </div>
  );
}
