/**
 * Triage: each action is one transaction that sets the request's one
 * outcome (layout.ts says why one key, and what an outcome means for the
 * backlog). Every argument is checked before anything is written.
 */
import * as Y from 'yjs';
import { itemsMap, stampSchema } from '../board.js';
import { applyPatch } from '../items.js';
import { BOTTOM, checkPlace, gapIndex, requireItem, sortedEntries, writePlacement, type Place } from '../ordering.js';
import { MAX_LABEL_LENGTH, checkLine, checkPatch, checkString, type ItemKind, type Priority } from '../schema.js';
import { inBacklog, requestItemId, requestsMap } from './layout.js';
import { snapshotRequest } from './requests.js';
import { DECISION_PREFIX, outcomeOf, type Triage } from './decisions.js';
import { newId } from '../ids.js';

const MAX_NOTE_LENGTH = 2_000;

function requireRequest(doc: Y.Doc, id: unknown): Y.Map<unknown> {
  const request = typeof id === 'string' ? requestsMap(doc).get(id) : undefined;
  // A requester's answer is an entry of its own, not a request to triage.
  if (!(request instanceof Y.Map) || typeof request.get('inReplyTo') === 'string') throw new Error(`unknown request id ${JSON.stringify(id)}`);
  return request;
}

function checkBy(by: unknown): void {
  checkLine('by', by, MAX_LABEL_LENGTH);
}

export interface AcceptOptions {
  place?: Place;
  kind?: ItemKind;
  priority?: Priority | null;
  /** Who triaged it. */
  by: string;
}

/** Accepts a request into the backlog at `place` (default: the bottom) and returns the new item's id. */
export function acceptRequest(doc: Y.Doc, requestId: string, options: AcceptOptions, now: number): string {
  const request = requireRequest(doc, requestId);
  const { place = BOTTOM, kind, priority, by } = options;
  checkBy(by);
  const fields = snapshotRequest(requestId, request);
  const id = requestItemId(requestId);
  const patch = { title: fields.title, description: fields.description, ...(kind !== undefined && { kind }), ...(priority !== undefined && priority !== null && { priority }) };
  checkPatch(patch, `acceptRequest ${JSON.stringify(requestId)}`);
  checkPlace(doc, place, [id]);
  const entries = sortedEntries(doc).filter((entry) => entry.id !== id);
  const gap = gapIndex(entries, place);
  doc.transact(() => {
    stampSchema(doc);
    let item = itemsMap(doc).get(id);
    if (item === undefined) {
      item = new Y.Map<unknown>();
      itemsMap(doc).set(id, item);
      applyPatch(item, { kind: 'story', status: 'new', labels: [], acceptanceCriteria: [], ...patch });
      item.set('request', requestId);
      item.set('createdAt', now);
      if (fields.requester) item.set('createdBy', fields.requester);
    } else {
      // Accepted before (and sent back or declined since): its text may have been edited, the new choices apply.
      applyPatch(item, { ...(kind !== undefined && { kind }), ...(priority !== undefined && priority !== null && { priority }) });
    }
    item.set('updatedAt', now);
    writePlacement(doc, entries, gap, [id]);
    setTriage(request, { action: 'accepted', itemId: id, by, at: now });
  });
  return id;
}

/** Merges a request into an item already in the backlog: the item shows the request's text and link. */
export function mergeRequest(doc: Y.Doc, requestId: string, itemId: string, options: { by: string }, now: number): void {
  const request = requireRequest(doc, requestId);
  const item = requireItem(doc, itemId);
  if (!inBacklog(doc, itemId, item)) throw new Error(`item ${JSON.stringify(itemId)} is not in the backlog`);
  checkBy(options.by);
  doc.transact(() => setTriage(request, { action: 'merged', itemId, by: options.by, at: now }));
}

/** Sends a request back to its requester with a question; it waits in the inbox. */
export function requestMoreInfo(doc: Y.Doc, requestId: string, options: { question: string; by: string }, now: number): void {
  const request = requireRequest(doc, requestId);
  checkString('question', options.question, MAX_NOTE_LENGTH);
  if (options.question.trim() === '') throw new Error('a question for the requester is needed');
  checkBy(options.by);
  doc.transact(() => setTriage(request, { action: 'needs-info', question: options.question.trim(), by: options.by, at: now }));
}

/** Declines a request with a reason the requester sees. */
export function declineRequest(doc: Y.Doc, requestId: string, options: { reason: string; by: string }, now: number): void {
  const request = requireRequest(doc, requestId);
  checkString('reason', options.reason, MAX_NOTE_LENGTH);
  if (options.reason.trim() === '') throw new Error('a reason is needed to decline a request');
  checkBy(options.by);
  doc.transact(() => setTriage(request, { action: 'declined', reason: options.reason.trim(), by: options.by, at: now }));
}

/** Records a decision as a new entry that replaces the outcome its author sees now (decisions.ts). */
function setTriage(request: Y.Map<unknown>, decision: DistributiveOmit<Triage, 'id'>): void {
  request.set(`${DECISION_PREFIX}${newId()}`, { ...decision, replaces: outcomeOf(request)?.id ?? null });
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
