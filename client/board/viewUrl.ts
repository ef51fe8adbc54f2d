/**
 * The view in the address bar, so that a filtered, sorted view can be
 * shared as a link: `?q=…&kind=…&sort=score:wsjf&dir=desc&view=chart`.
 * Reading is lenient: a value it does not know is dropped, not an error.
 */
import { ITEM_KINDS, ITEM_STATUSES } from '../../shared/index.js';
import { AGE_FILTERS, PRIORITY_FILTERS, type Filters } from './filters.js';
import { BACKLOG_ORDER, SORT_FIELDS, type Sort } from './sorting.js';

export interface BacklogView {
  filters: Filters;
  sort: Sort;
  mode: 'list' | 'chart' | 'inbox' | 'health' | 'planning' | 'roadmap' | 'activity';
}

const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | '' => ((allowed as readonly string[]).includes(value ?? '') ? (value as T) : '');

export function readViewFromUrl(search: string): BacklogView {
  const params = new URLSearchParams(search);
  const text = (name: string) => (params.get(name) ?? '').slice(0, 200);
  const filters: Filters = {
    text: text('q'),
    kind: oneOf(params.get('kind'), ITEM_KINDS),
    status: oneOf(params.get('status'), ITEM_STATUSES),
    label: text('label'),
    priority: oneOf(params.get('priority'), PRIORITY_FILTERS),
    epic: text('epic'),
    estimate: oneOf(params.get('estimate'), ['estimated', 'unestimated'] as const),
    score: oneOf(params.get('score'), ['scored', 'unscored'] as const),
    created: oneOf(params.get('created'), AGE_FILTERS),
    changed: oneOf(params.get('changed'), AGE_FILTERS),
    showArchived: params.get('archived') === '1',
  };
  const by = oneOf(params.get('sort'), SORT_FIELDS);
  const sort: Sort = by === '' ? BACKLOG_ORDER : { by, dir: params.get('dir') === 'asc' ? 'asc' : 'desc' };
  const view = params.get('view');
  return { filters, sort, mode: view === 'chart' || view === 'inbox' || view === 'health' || view === 'planning' || view === 'roadmap' || view === 'activity' ? view : 'list' };
}

/** The query string for a view ('' for the plain backlog), in a fixed order. */
export function viewSearch(view: BacklogView): string {
  const params = new URLSearchParams();
  const { filters } = view;
  const add = (name: string, value: string) => value !== '' && params.set(name, value);
  add('q', filters.text);
  add('kind', filters.kind);
  add('status', filters.status);
  add('label', filters.label);
  add('priority', filters.priority);
  add('epic', filters.epic);
  add('estimate', filters.estimate);
  add('score', filters.score);
  add('created', filters.created);
  add('changed', filters.changed);
  if (filters.showArchived) params.set('archived', '1');
  if (view.sort.by !== '') {
    params.set('sort', view.sort.by);
    params.set('dir', view.sort.dir);
  }
  if (view.mode !== 'list') params.set('view', view.mode);
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
}
