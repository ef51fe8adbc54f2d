/** Filtering the backlog. Pure: it only hides items, so the order is always the document's. */
import type { ItemKind, ItemSnapshot, ItemStatus } from '../../shared/index.js';

export interface Filters {
  text: string;
  kind: ItemKind | '';
  status: ItemStatus | '';
  label: string;
  showArchived: boolean;
}

export const NO_FILTERS: Filters = { text: '', kind: '', status: '', label: '', showArchived: false };

export function isFiltering(filters: Filters): boolean {
  return filters.text.trim() !== '' || filters.kind !== '' || filters.status !== '' || filters.label !== '';
}

export function applyFilters(items: readonly ItemSnapshot[], filters: Filters): ItemSnapshot[] {
  const words = filters.text.toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    if (item.archived && !filters.showArchived) return false;
    if (filters.kind && item.kind !== filters.kind) return false;
    if (filters.status && item.status !== filters.status) return false;
    if (filters.label && !item.labels.includes(filters.label)) return false;
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
