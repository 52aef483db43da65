import { useCallback, useEffect, useState } from 'react';
import { readSearch, type Search, searchUrl } from './search-params';

/** The current search, kept in the URL: a new search pushes a history entry, back/forward restore. */
export function useSearchLocation(): [Search | null, (search: Search) => void] {
  const [search, setSearch] = useState(() => readSearch(window.location.search));
  useEffect(() => {
    const onPopState = () => setSearch(readSearch(window.location.search));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
  const navigate = useCallback((next: Search) => {
    window.history.pushState(null, '', searchUrl(window.location.search, next));
    setSearch(next);
  }, []);
  return [search, navigate];
}
