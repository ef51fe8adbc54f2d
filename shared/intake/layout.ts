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
 *     decision:<id>          one per triage decision, a plain object: {action, by, at, replaces}
 *                            and itemId (accepted, merged), question (needs-info) or reason
 *                            (declined); `replaces` is the decision its author saw as the
 *                            outcome. decisions.ts resolves them to one outcome.
 *
 * Two people triaging one request at once end with one outcome on every
 * replica (decisions.ts: the one that keeps the most work). What an outcome
 * does to the backlog is read from it rather than written beside it, so
 * that a decision that did not win leaves nothing behind:
 *
 *   - Accepting creates the item `request-<request id>` with `request` set
 *     to the request id. An item whose `request` names a request that exists
 *     is in the backlog only while that request's outcome accepts it into
 *     this item; otherwise readers leave it out (orderedItems does).
 *   - Merging writes nothing into the target item: the item shows the
 *     requests merged into it (mergedRequests), with their text and link.
 */
import type * as Y from 'yjs';
import { outcomeOf } from './decisions.js';

/** The top-level map of requests: the one place a requester may write (server/update-policy.ts). */
export const REQUESTS_ROOT = 'requests';

/**
 * What a requester may put into a new request (and nothing else, and nothing
 * nested): each field a string of at most this many characters, or, for
 * `receivedAt`, a number. Decisions are the team's (triage.ts).
 */
export const REQUEST_FIELD_LIMITS: Readonly<Record<string, number | 'number'>> = {
  title: 500,
  description: 20_000,
  source: 32,
  sourceName: 64,
  requester: 64,
  link: 2_000,
  receivedAt: 'number',
  inReplyTo: 64,
};

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
  const outcome = outcomeOf(request);
  return outcome?.action === 'accepted' && outcome.itemId === id;
}
