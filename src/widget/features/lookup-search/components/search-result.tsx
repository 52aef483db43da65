import type { ReactNode } from 'react';
import type { UniqueIdFound } from '../../../../shared/lookup-api';
import { attributeLabel } from '../../../i18n/attribute-labels';
import { t } from '../../../i18n/i18n';
import { errorText } from '../../../i18n/texts';
import { HttpError } from '../../../lib/http';
import type { Search } from '../model/search-params';

/** The state of the lookup behind a search (a TanStack query, fetched by the view that renders this). */
export interface SearchQuery {
  isError: boolean;
  error: unknown;
  data: { kind: 'found'; found: UniqueIdFound } | { kind: 'not-found' } | undefined;
  refetch(): unknown;
}

interface SearchResultProps {
  search: Search;
  query: SearchQuery;
  renderHistory(historyUrl: string, label: string): ReactNode;
}

/** Worth another try: the upstream may heal. Not for credentials, bad input or "not found". */
const RETRYABLE = new Set([
  'upstream_timeout',
  'upstream_unreachable',
  'upstream_error',
  'network_error',
  'rate_limited',
]);

export function SearchResult({ search, query, renderHistory }: SearchResultProps) {
  const label = t('search.label', { attribute: attributeLabel(search.attribute), value: search.value });
  let body: ReactNode;
  if (query.isError) {
    const code =
      query.error instanceof HttpError ? (query.error.code ?? `http_${query.error.status}`) : 'network_error';
    body = (
      <div role="alert" className="pop__message pop__message--error">
        <p>{errorText(code)}</p>
        {RETRYABLE.has(code) ? (
          <button type="button" onClick={() => void query.refetch()}>
            {t('app.retry')}
          </button>
        ) : null}
      </div>
    );
  } else if (!query.data) {
    body = <p role="status">{t('search.pending', { label })}</p>;
  } else if (query.data.kind === 'not-found') {
    body = (
      <p role="status" className="pop__message">
        {t('search.notFound', { label })}
      </p>
    );
  } else {
    const { found } = query.data;
    body = (
      <>
        <p className="search__found">{t('search.found', { uniqueId: found.uniqueId })}</p>
        {renderHistory(found.historyUrl, label)}
      </>
    );
  }
  return (
    <section className="search-result" aria-label={t('search.resultFor', { label })}>
      {body}
    </section>
  );
}
