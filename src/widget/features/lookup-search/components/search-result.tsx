import { HttpError } from '../../../lib/http';
import { errorText, texts } from '../../../ui/texts';
import { HistoryFrame } from '../../history/components/history-frame';
import { useUniqueIdQuery } from '../../lookup/api/get-unique-id';
import type { Search } from '../model/search-params';

/** Worth another try: the upstream may heal. Not for credentials, bad input or "not found". */
const RETRYABLE = new Set([
  'upstream_timeout',
  'upstream_unreachable',
  'upstream_error',
  'network_error',
  'rate_limited',
]);

export function SearchResult({ search, historyOrigin }: { search: Search; historyOrigin: string }) {
  const query = useUniqueIdQuery(search.attribute, search.value);
  const label = `${texts.search.attributes[search.attribute]} ${search.value}`;
  let body: React.ReactNode;
  if (query.isPending) {
    body = <p role="status">{texts.search.pending(label)}</p>;
  } else if (query.isError) {
    const code =
      query.error instanceof HttpError ? (query.error.code ?? `http_${query.error.status}`) : 'network_error';
    body = (
      <div role="alert" className="pop__message pop__message--error">
        <p>{errorText(code)}</p>
        {RETRYABLE.has(code) ? (
          <button type="button" onClick={() => void query.refetch()}>
            {texts.retry}
          </button>
        ) : null}
      </div>
    );
  } else if (query.data.kind === 'not-found') {
    body = (
      <p role="status" className="pop__message">
        {texts.search.notFound(label)}
      </p>
    );
  } else {
    const { found } = query.data;
    body = (
      <>
        <p className="search__found">{texts.search.found(found.uniqueId)}</p>
        <HistoryFrame
          callId={`search:${search.attribute}:${search.value}`}
          caller={label}
          historyUrl={found.historyUrl}
          historyOrigin={historyOrigin}
        />
      </>
    );
  }
  return (
    <section className="search-result" aria-label={texts.search.resultFor(label)}>
      {body}
    </section>
  );
}
