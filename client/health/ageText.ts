/** Ages in words for the health view: "changed 300 days ago", "created 1 year ago". */
import { lastChange, type ItemSnapshot } from '../../shared/index.js';

const DAY_MS = 86_400_000;

export function daysText(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  if (days < 1) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

export function lastChangeText(item: ItemSnapshot, now: number): string {
  const kept = item.keptBy && item.keptAt === item.updatedAt ? `, kept by ${item.keptBy}` : '';
  return `changed ${daysText(now - lastChange(item))}${item.createdAt === null ? '' : ` · created ${daysText(now - item.createdAt)}`}${kept}`;
}
