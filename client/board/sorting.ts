/**
 * Sorting the view, never the backlog: a sorted list is a way to look at
 * the items, and the document's order stays the team's decision. Items
 * without the value sorted by come last, in backlog order; ties keep
 * backlog order too.
 */
import { FRAMEWORKS, scoreItem, type Framework, type ItemSnapshot } from '../../shared/index.js';

export const SORT_FIELDS = ['priority', 'estimate', 'created', 'updated', ...FRAMEWORKS.map((framework) => `score:${framework}` as const)] as const;
export type SortField = '' | 'priority' | 'estimate' | 'created' | 'updated' | `score:${Framework}`;

export interface Sort {
  /** '' is the backlog's own order. */
  by: SortField;
  dir: 'asc' | 'desc';
}

export const BACKLOG_ORDER: Sort = { by: '', dir: 'desc' };

const PRIORITY_RANK = { must: 4, should: 3, could: 2, wont: 1 } as const;

function sortValue(item: ItemSnapshot, by: SortField): number | null {
  switch (by) {
    case '':
      return null;
    case 'priority':
      return item.priority === null ? null : PRIORITY_RANK[item.priority];
    case 'estimate':
      return typeof item.estimate === 'number' ? item.estimate : null;
    case 'created':
      return item.createdAt;
    case 'updated':
      return item.updatedAt;
    default:
      return scoreItem(by.slice('score:'.length) as Framework, item).value;
  }
}

export function sortItems(items: readonly ItemSnapshot[], sort: Sort): ItemSnapshot[] {
  if (sort.by === '') return [...items];
  const keyed = items.map((item, at) => ({ item, at, value: sortValue(item, sort.by) }));
  const sign = sort.dir === 'asc' ? 1 : -1;
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === b.value ? a.at - b.at : a.value === null ? 1 : -1;
    return (a.value - b.value) * sign || a.at - b.at;
  });
  return keyed.map((entry) => entry.item);
}
