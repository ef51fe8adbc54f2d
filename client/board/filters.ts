/**
 * Filtering the backlog. Pure: it only hides items, so the order is always
 * the document's. Every filter combines with the others (all must hold).
 */
import { PRIORITIES, lastChange, scoreItem, type Framework, type ItemKind, type ItemSnapshot, type ItemStatus, type Priority } from '../../shared/index.js';

/** Older or newer than a number of days: "over-90" is more than 90 days ago, "within-7" the last 7 days. */
export const AGE_FILTERS = ['within-7', 'within-30', 'over-90', 'over-270'] as const;
export type AgeFilter = (typeof AGE_FILTERS)[number];

export interface Filters {
  text: string;
  kind: ItemKind | '';
  status: ItemStatus | '';
  label: string;
  priority: Priority | 'none' | '';
  /** An epic's id, or 'none' for items in no epic. */
  epic: string;
  estimate: 'estimated' | 'unestimated' | '';
  /** Scored in every framework the board uses, or missing a score in one. */
  score: 'scored' | 'unscored' | '';
  created: AgeFilter | '';
  changed: AgeFilter | '';
  showArchived: boolean;
}

export const NO_FILTERS: Filters = { text: '', kind: '', status: '', label: '', priority: '', epic: '', estimate: '', score: '', created: '', changed: '', showArchived: false };

export function isFiltering(filters: Filters): boolean {
  const { text, showArchived: _archived, ...rest } = filters;
  return text.trim() !== '' || Object.values(rest).some((value) => value !== '');
}

const DAY_MS = 86_400_000;

function withinAge(at: number | null, filter: AgeFilter | '', now: number): boolean {
  if (filter === '') return true;
  if (at === null) return false;
  const [side, days] = filter.split('-') as ['within' | 'over', string];
  const age = now - at;
  return side === 'within' ? age <= Number(days) * DAY_MS : age > Number(days) * DAY_MS;
}

export interface FilterContext {
  now: number;
  /** The board's scoring frameworks, for the score filter. */
  frameworks: readonly Framework[];
}

export function applyFilters(items: readonly ItemSnapshot[], filters: Filters, context: FilterContext): ItemSnapshot[] {
  const words = filters.text.toLowerCase().split(/\s+/).filter(Boolean);
  const scoring = context.frameworks.filter((framework) => framework !== 'moscow');
  return items.filter((item) => {
    if (item.archived && !filters.showArchived) return false;
    if (filters.kind && item.kind !== filters.kind) return false;
    if (filters.status && item.status !== filters.status) return false;
    if (filters.label && !item.labels.includes(filters.label)) return false;
    if (filters.priority && (item.priority ?? 'none') !== filters.priority) return false;
    if (filters.epic && (item.parent ?? 'none') !== filters.epic) return false;
    if (filters.estimate && (item.estimate === null) !== (filters.estimate === 'unestimated')) return false;
    if (filters.score && scoring.length > 0) {
      const scored = scoring.every((framework) => scoreItem(framework, item).value !== null);
      if (scored !== (filters.score === 'scored')) return false;
    }
    if (!withinAge(item.createdAt, filters.created, context.now)) return false;
    if (!withinAge(lastChange(item), filters.changed, context.now)) return false;
    if (words.length > 0) {
      const haystack = `${item.title} ${item.description} ${item.labels.join(' ')}`.toLowerCase();
      if (!words.every((word) => haystack.includes(word))) return false;
    }
    return true;
  });
}

export function allLabels(items: readonly ItemSnapshot[]): string[] {
  const labels = new Set<string>();
  for (const item of items) for (const label of item.labels) labels.add(label);
  return [...labels].sort((a, b) => a.localeCompare(b));
}

export const PRIORITY_FILTERS = [...PRIORITIES, 'none'] as const;
