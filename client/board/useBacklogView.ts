/**
 * The backlog view (filters, sort, list or chart), kept in the address bar
 * so that a view can be shared as a link and survives a reload.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Filters } from './filters.js';
import type { Sort } from './sorting.js';
import { readViewFromUrl, viewSearch, type BacklogView } from './viewUrl.js';

export function useBacklogView() {
  const [view, setView] = useState<BacklogView>(() => readViewFromUrl(window.location.search));
  useEffect(() => {
    const search = viewSearch(view);
    if (search === window.location.search) return;
    window.history.replaceState(window.history.state, '', window.location.pathname + search + window.location.hash);
  }, [view]);
  const setFilters = useCallback((filters: Filters) => setView((current) => ({ ...current, filters })), []);
  const setSort = useCallback((sort: Sort) => setView((current) => ({ ...current, sort })), []);
  const setMode = useCallback((mode: BacklogView['mode']) => setView((current) => ({ ...current, mode })), []);
  return { ...view, setFilters, setSort, setMode };
}
