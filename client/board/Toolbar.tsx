/** Search and filters. Filtering hides items; it never changes their order. */
import type { RefObject } from 'react';
import { ITEM_KINDS, ITEM_STATUSES } from '../../shared/index.js';
import { Choice } from '../ui/Choice.js';
import { shorten } from '../ui/text.js';
import { NO_FILTERS, isFiltering, type Filters } from './filters.js';
import { KIND_LABELS, STATUS_LABELS } from './labels.js';

interface ToolbarProps {
  filters: Filters;
  labels: string[];
  shown: number;
  total: number;
  searchRef: RefObject<HTMLInputElement | null>;
  onChange: (filters: Filters) => void;
  /** The list or the value/effort chart; null when the board has no chart. */
  view: 'list' | 'chart' | null;
  onView: (view: 'list' | 'chart') => void;
}

export function Toolbar({ filters, labels, shown, total, searchRef, onChange, view, onView }: ToolbarProps) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <div className="toolbar" role="search">
      <input
        ref={searchRef}
        type="search"
        className="search"
        placeholder="Search  ( / )"
        aria-label="Search items"
        value={filters.text}
        onChange={(event) => set({ text: event.target.value })}
        onKeyDown={(event) => event.key === 'Escape' && (event.currentTarget.blur(), set({ text: '' }))}
      />
      <Choice aria-label="Filter by kind" values={ITEM_KINDS} labels={KIND_LABELS} value={filters.kind} empty="All kinds" onChange={(kind) => set({ kind })} />
      <Choice aria-label="Filter by status" values={ITEM_STATUSES} labels={STATUS_LABELS} value={filters.status} empty="All statuses" onChange={(status) => set({ status })} />
      <select aria-label="Filter by label" value={filters.label} onChange={(event) => set({ label: event.target.value })}>
        <option value="">All labels</option>
        {labels.map((label) => (
          <option key={label} value={label}>
            {shorten(label, 40)}
          </option>
        ))}
      </select>
      <label className="checkbox">
        <input type="checkbox" checked={filters.showArchived} onChange={(event) => set({ showArchived: event.target.checked })} />
        Archived
      </label>
      <span className="count" aria-live="polite">
        {shown === total ? `${total} ${total === 1 ? 'item' : 'items'}` : `${shown} of ${total} items`}
      </span>
      {view !== null && (
        <span className="view-switch" role="group" aria-label="View">
          <button type="button" aria-pressed={view === 'list'} onClick={() => onView('list')}>
            List
          </button>
          <button type="button" aria-pressed={view === 'chart'} onClick={() => onView('chart')}>
            Value/effort
          </button>
        </span>
      )}
      {isFiltering(filters) && (
        <button type="button" className="link-button" onClick={() => onChange({ ...NO_FILTERS, showArchived: filters.showArchived })}>
          Clear filters
        </button>
      )}
    </div>
  );
}
