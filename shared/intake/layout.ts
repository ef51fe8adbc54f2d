/**
 * Where requests live, and the one rule readers of the backlog follow for
 * items that came from a request.
 *
 *   doc.getMap('requests')   request id -> Y.Map:
 *     title, description     plain strings, as filed
 *     source                 'customer' | 'internal' | 'client-facing' | 'other'
 *     sourceName             which customer or team (free text, may be empty)
 *     requester, link        who asked, and where the request came from (http or https)
 *     receivedAt             ms since the epoch
 *     inReplyTo              set on a requester's answer to a question instead of the fields
 *                            above (but `description`, `requester`, `receivedAt`): it is an entry
 *                            of its own because a requester may only add entries
 *     triage                 absent until triaged; then one plain object, the outcome:
 *                              {action: 'accepted', itemId, by, at}
 *                              {action: 'merged', itemId, by, at}      into an existing item
 *                              {action: 'needs-info', question, by, at}
 *                              {action: 'declined', reason, by, at}
 *
 * One key holds the outcome, so two people triaging one request at once end
 * with one outcome on every replica (the map's last-writer-wins rule). What
 * an outcome does to the backlog is read from it rather than written
 * beside it, so that the losing decision leaves nothing behind:
 *
 *   - Accepting creates the item `request-<request id>` with `request` set
 *     to the request id. An item whose `request` names a request that exists
 *     is in the backlog only while that request's outcome accepts it into
 *     this item; otherwise readers leave it out (orderedItems does).
 *   - Merging writes nothing into the target item: the item shows the
 *     requests merged into it (mergedRequests), with their text and link.
 */
import type * as Y from 'yjs';

/** The top-level map of requests: the one place a requester may write (server/update-policy.ts). */
export const REQUESTS_ROOT = 'requests';

export function requestsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(REQUESTS_ROOT);
}

/** The item an accepted request becomes: one id per request, so two people accepting it at once make one item. */
export function requestItemId(requestId: string): string {
  return `request-${requestId}`;
}

/** Whether an item belongs in the backlog under the rule above. */
export function inBacklog(doc: Y.Doc, id: string, item: Y.Map<unknown>): boolean {
  const requestId = item.get('request');
  if (typeof requestId !== 'string') return true;
  const request = requestsMap(doc).get(requestId);
  if (request === undefined || typeof request.get !== 'function') return true;
  const triage = request.get('triage') as { action?: unknown; itemId?: unknown } | undefined;
  return triage?.action === 'accepted' && triage.itemId === id;
}
