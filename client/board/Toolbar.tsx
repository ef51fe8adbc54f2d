/**
 * Search, filters and sort. Filtering hides items and sorting reorders the
 * view only; neither changes the backlog's order. The everyday filters sit
 * in the first row; "More filters" opens a second row (and stays open
 * while any of those filters is set).
 */
import { useState, type RefObject } from 'react';
import { FRAMEWORK_NAMES, ITEM_KINDS, ITEM_STATUSES, type Framework, type ItemSnapshot } from '../../shared/index.js';
import { Choice } from '../ui/Choice.js';
import { shorten } from '../ui/text.js';
import { AGE_FILTERS, NO_FILTERS, PRIORITY_FILTERS, isFiltering, type AgeFilter, type Filters } from './filters.js';
import { KIND_LABELS, PRIORITY_LABELS, STATUS_LABELS } from './labels.js';
import type { Sort, SortField } from './sorting.js';

interface ToolbarProps {
  filters: Filters;
  labels: string[];
  shown: number;
  total: number;
  searchRef: RefObject<HTMLInputElement | null>;
  onChange: (filters: Filters) => void;
  sort: Sort;
  onSort: (sort: Sort) => void;
  /** The board's frameworks: each scoring one can be sorted by. */
  frameworks: readonly Framework[];
  /** Epics to filter by. */
  epics: readonly ItemSnapshot[];
  /** The list or the value/effort chart; null when the board has no chart. */
  view: 'list' | 'chart' | null;
  onView: (view: 'list' | 'chart') => void;
}

const AGE_LABELS: Record<AgeFilter, string> = { 'within-7': 'in the last 7 days', 'within-30': 'in the last 30 days', 'over-90': 'over 90 days ago', 'over-270': 'over 270 days ago' };
const CREATED_LABELS = Object.fromEntries(AGE_FILTERS.map((age) => [age, `Created ${AGE_LABELS[age]}`])) as Record<AgeFilter, string>;
const CHANGED_LABELS = Object.fromEntries(AGE_FILTERS.map((age) => [age, `Changed ${AGE_LABELS[age]}`])) as Record<AgeFilter, string>;
const PRIORITY_FILTER_LABELS = { ...PRIORITY_LABELS, none: 'No priority' };
const MORE: (keyof Filters)[] = ['priority', 'epic', 'estimate', 'score', 'created', 'changed'];

function sortLabels(frameworks: readonly Framework[]): [SortField, string][] {
  return [
    ['', 'Backlog order'],
    ...frameworks.filter((framework) => framework !== 'moscow').map((framework): [SortField, string] => [`score:${framework}`, `${FRAMEWORK_NAMES[framework]} score`]),
    ['priority', 'Priority'],
    ['estimate', 'Points'],
    ['created', 'Created'],
    ['updated', 'Last change'],
  ];
}

export function Toolbar({ filters, labels, shown, total, searchRef, onChange, sort, onSort, frameworks, epics, view, onView }: ToolbarProps) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const moreSet = MORE.filter((key) => filters[key] !== '').length;
  const [moreOpen, setMoreOpen] = useState(false);
  const showMore = moreOpen || moreSet > 0;
  const scoring = frameworks.some((framework) => framework !== 'moscow');
  return (
    <div className="toolbar-rows">
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
        <button type="button" className="button-secondary toolbar-more" aria-expanded={showMore} onClick={() => setMoreOpen(!showMore)} disabled={moreSet > 0}>
          More filters{moreSet > 0 ? ` (${moreSet})` : ''}
        </button>
        <label className="checkbox">
          <input type="checkbox" checked={filters.showArchived} onChange={(event) => set({ showArchived: event.target.checked })} />
          Archived
        </label>
      </div>
      <div className="toolbar toolbar-second">
        {showMore && (
          <>
            <Choice aria-label="Filter by priority" values={PRIORITY_FILTERS} labels={PRIORITY_FILTER_LABELS} value={filters.priority} empty="Any priority" onChange={(priority) => set({ priority })} />
            <select aria-label="Filter by epic" value={filters.epic} onChange={(event) => set({ epic: event.target.value })}>
              <option value="">Any epic</option>
              <option value="none">In no epic</option>
              {epics.map((epic) => (
                <option key={epic.id} value={epic.id}>
                  {shorten(epic.title || 'Untitled', 40)}
                </option>
              ))}
            </select>
            <Choice aria-label="Filter by estimate" values={['estimated', 'unestimated'] as const} labels={{ estimated: 'Estimated', unestimated: 'Not estimated' }} value={filters.estimate} empty="Any estimate" onChange={(estimate) => set({ estimate })} />
            {scoring && <Choice aria-label="Filter by score" values={['scored', 'unscored'] as const} labels={{ scored: 'Scored', unscored: 'Missing a score' }} value={filters.score} empty="Any score" onChange={(score) => set({ score })} />}
            <Choice aria-label="Filter by age" values={AGE_FILTERS} labels={CREATED_LABELS} value={filters.created} empty="Created any time" onChange={(created) => set({ created })} />
            <Choice aria-label="Filter by last change" values={AGE_FILTERS} labels={CHANGED_LABELS} value={filters.changed} empty="Changed any time" onChange={(changed) => set({ changed })} />
          </>
        )}
        <span className="toolbar-end">
          <span className="count" aria-live="polite">
            {shown === total ? `${total} ${total === 1 ? 'item' : 'items'}` : `${shown} of ${total} items`}
          </span>
          {isFiltering(filters) && (
            <button type="button" className="link-button" onClick={() => onChange({ ...NO_FILTERS, showArchived: filters.showArchived })}>
              Clear filters
            </button>
          )}
          <label className="sort">
            <span className="muted">Sort</span>
            <select aria-label="Sort by" value={sort.by} onChange={(event) => onSort({ by: event.target.value as SortField, dir: sort.dir })}>
              {sortLabels(frameworks).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          {sort.by !== '' && (
            <button type="button" className="icon-button" aria-label={sort.dir === 'desc' ? 'Highest first; show lowest first' : 'Lowest first; show highest first'} title={sort.dir === 'desc' ? 'Highest first' : 'Lowest first'} onClick={() => onSort({ by: sort.by, dir: sort.dir === 'desc' ? 'asc' : 'desc' })}>
              {sort.dir === 'desc' ? '↓' : '↑'}
            </button>
          )}
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
        </span>
      </div>
    </div>
  );
}
