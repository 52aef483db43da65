// What the supervisor chose on the dashboard: the window of the figures, and the feed's filters and
// order. The window is kept in the URL (`&window=1h`) so a bookmarked dashboard opens the same way.
import { create } from 'zustand';
import { DEFAULT_SORT, type Sort } from './feed-sort';
import type { OutcomeFilter } from './feed-store';
import { isWindowKey, type WindowKey } from './team-stats';

interface DashboardState {
  window: WindowKey;
  text: string;
  outcome: OutcomeFilter;
  agent: string;
  sort: Sort;
}

const initialWindow = (): WindowKey => {
  const asked = new URLSearchParams(window.location.search).get('window');
  return isWindowKey(asked) ? asked : '1h';
};

export const useDashboardStore = create<DashboardState>()(() => ({
  window: initialWindow(),
  text: '',
  outcome: 'all',
  agent: '',
  sort: DEFAULT_SORT,
}));

export function chooseWindow(choice: WindowKey): void {
  useDashboardStore.setState({ window: choice });
  const url = new URL(window.location.href);
  url.searchParams.set('window', choice);
  window.history.replaceState(window.history.state, '', url);
}

export const setFilters = (patch: Partial<Pick<DashboardState, 'text' | 'outcome' | 'agent'>>) =>
  useDashboardStore.setState(patch);
export const setSort = (sort: Sort) => useDashboardStore.setState({ sort });
