/** What became of a request, in words for the team and for the requester. */
import type { ItemSnapshot, RequestSnapshot, RequestSource } from '../../shared/index.js';
import { shorten } from '../ui/text.js';

export const SOURCE_LABELS: Record<RequestSource, string> = {
  customer: 'Customer',
  internal: 'Internal team',
  'client-facing': 'Client-facing team',
  other: 'Other',
};

export function outcomeText(request: RequestSnapshot, items: ReadonlyMap<string, ItemSnapshot>): string {
  const triage = request.triage;
  if (triage === null) return 'Waiting for triage';
  const who = triage.by ? ` by ${triage.by}` : '';
  switch (triage.action) {
    case 'accepted':
      return `Accepted into the backlog${who}`;
    case 'merged':
      return `Merged into “${shorten(items.get(triage.itemId)?.title ?? 'an item', 60)}”${who}`;
    case 'needs-info':
      return `More information needed${who}: ${triage.question}`;
    case 'declined':
      return `Declined${who}: ${triage.reason}`;
  }
}

export function receivedText(at: number): string {
  return new Date(at).toLocaleDateString(undefined, { dateStyle: 'medium' });
}
