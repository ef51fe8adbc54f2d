/** One history entry in words: "estimate 3 → 5", "moved to position 4", "title “Log” → “Login”". */
import type { HistoryEntry } from '../../shared/index.js';
import { shorten } from '../ui/text.js';

const FIELD_NAMES: Record<string, string> = {
  title: 'title',
  description: 'description',
  kind: 'type',
  status: 'status',
  estimate: 'estimate',
  priority: 'priority',
  labels: 'labels',
  parent: 'epic',
  archived: 'archived',
  sprint: 'sprint',
  dependsOn: 'waits for',
  acceptanceCriteria: 'acceptance criteria',
};

function valueText(value: HistoryEntry['from'], names: (id: string) => string, field: string): string {
  if (value === undefined || value === null || value === '') return 'none';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map((part) => (field === 'dependsOn' ? names(part) : part)).join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (field === 'parent' || field === 'sprint') return names(String(value));
  return typeof value === 'string' ? `“${shorten(value.replace(/\s+/g, ' '), 60)}”` : String(value);
}

/** `names` turns an item or sprint id into its title. */
export function historyText(entry: HistoryEntry, names: (id: string) => string): string {
  switch (entry.field) {
    case 'created':
      return typeof entry.from === 'string' ? `created it, split from “${shorten(entry.from, 60)}”` : 'created it';
    case 'deleted':
      return 'deleted it';
    case 'moved':
      return typeof entry.to === 'number' ? `moved it to position ${entry.to}` : 'moved it';
    case 'split':
      return `split it into ${Array.isArray(entry.to) ? entry.to.map((title) => `“${shorten(title, 40)}”`).join(', ') : 'parts'}`;
    case 'merged':
      return `merged “${shorten(String(entry.from ?? ''), 60)}” into it`;
    case 'duplicateOf':
      return `merged it into ${names(String(entry.to ?? ''))} as a duplicate`;
    case 'acceptanceCriteria':
      return 'changed the acceptance criteria';
    default: {
      const field = FIELD_NAMES[entry.field] ?? entry.field;
      const change = `${field} ${valueText(entry.from, names, entry.field)} → ${valueText(entry.to, names, entry.field)}`;
      return entry.via === 'poker' ? `${change}, accepted in planning poker` : change;
    }
  }
}
