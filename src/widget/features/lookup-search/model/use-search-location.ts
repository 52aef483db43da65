import { useCallback, useEffect, useState } from 'react';
import { clearedUrl, readSearch, type Search, searchUrl } from './search-params';

/** The current search, kept in the URL: a new search pushes a history entry, back/forward restore. */
export function useSearchLocation(): [Search | null, (search: Search | null) => void] {
  const [search, setSearch] = useState(() => readSearch(window.location.search));
  useEffect(() => {
    const onPopState = () => setSearch(readSearch(window.location.search));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
  // null: no search (the supervisor closed the result); back brings it back.
  const navigate = useCallback((next: Search | null) => {
    window.history.pushState(
      null,
      '',
      next ? searchUrl(window.location.search, next) : clearedUrl(window.location.search),
    );
    setSearch(next);
  }, []);
  return [search, navigate];
}
