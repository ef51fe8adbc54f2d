/**
 * Requests: what customers, internal teams and client-facing teams ask for,
 * kept in an inbox beside the backlog until someone triages them
 * (triage.ts). The layout is in layout.ts.
 */
import * as Y from 'yjs';
import { newId } from '../ids.js';
import { MAX_LABEL_LENGTH, MAX_TITLE_LENGTH, checkLine, checkString } from '../schema.js';
import { requestsMap } from './layout.js';
import { outcomeOf, type Triage } from './decisions.js';

export const REQUEST_SOURCES = ['customer', 'internal', 'client-facing', 'other'] as const;
export type RequestSource = (typeof REQUEST_SOURCES)[number];
export const MAX_REQUEST_DESCRIPTION = 20_000;
const MAX_LINK_LENGTH = 2_000;

export interface RequestFields {
  title: string;
  description?: string;
  source: RequestSource;
  /** Which customer or team. */
  sourceName?: string;
  requester?: string;
  link?: string;
}

export type { Triage } from './decisions.js';

/** A requester's answer to a question, filed as a request entry of its own that names the request it answers. */
export interface RequestReply {
  id: string;
  text: string;
  requester: string;
  at: number;
}

export interface RequestSnapshot {
  id: string;
  title: string;
  description: string;
  source: RequestSource;
  sourceName: string;
  requester: string;
  link: string;
  receivedAt: number;
  triage: Triage | null;
  /** Answers from the requester, oldest first. */
  replies: RequestReply[];
  /** Sent back with a question, and answered since. */
  answered: boolean;
}

export function checkRequestFields(fields: unknown): asserts fields is RequestFields {
  if (typeof fields !== 'object' || fields === null) throw new Error('a request must be an object');
  const { title, description = '', source, sourceName = '', requester = '', link = '' } = fields as Record<string, unknown>;
  checkLine('title', title, MAX_TITLE_LENGTH);
  if ((title as string).trim() === '') throw new Error('a request needs a title');
  checkString('description', description, MAX_REQUEST_DESCRIPTION);
  if (!(REQUEST_SOURCES as readonly unknown[]).includes(source)) throw new Error(`source must be one of ${REQUEST_SOURCES.join(', ')}; got ${JSON.stringify(source)}`);
  checkLine('sourceName', sourceName, MAX_LABEL_LENGTH);
  checkLine('requester', requester, MAX_LABEL_LENGTH);
  checkLine('link', link, MAX_LINK_LENGTH);
  if (link !== '' && !/^https?:\/\/\S+$/i.test(link as string)) throw new Error(`link must be an http or https address; got ${JSON.stringify(link)}`);
}

/** Files a request into the inbox and returns its id. */
export function fileRequest(doc: Y.Doc, fields: RequestFields, now: number): string {
  checkRequestFields(fields);
  const id = newId();
  // No schema stamp: a requester may write the request and nothing else (server/update-policy.ts).
  doc.transact(() => {
    const request = new Y.Map<unknown>();
    requestsMap(doc).set(id, request);
    request.set('title', fields.title.trim());
    request.set('description', fields.description ?? '');
    request.set('source', fields.source);
    request.set('sourceName', fields.sourceName?.trim() ?? '');
    request.set('requester', fields.requester?.trim() ?? '');
    request.set('link', fields.link ?? '');
    request.set('receivedAt', now);
  });
  return id;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function snapshotRequest(id: string, request: Y.Map<unknown>, replies: RequestReply[] = []): RequestSnapshot {
  const source = request.get('source');
  const receivedAt = request.get('receivedAt');
  const triage = outcomeOf(request);
  return {
    id,
    title: text(request.get('title')),
    description: text(request.get('description')),
    source: (REQUEST_SOURCES as readonly unknown[]).includes(source) ? (source as RequestSource) : 'other',
    sourceName: text(request.get('sourceName')),
    requester: text(request.get('requester')),
    link: text(request.get('link')),
    receivedAt: typeof receivedAt === 'number' ? receivedAt : 0,
    triage,
    replies,
    answered: triage?.action === 'needs-info' && replies.some((reply) => reply.at >= triage.at),
  };
}

export function readRequest(doc: Y.Doc, id: string): RequestSnapshot | null {
  return allRequests(doc).find((request) => request.id === id) ?? null;
}

/** Every request, oldest first, each with its replies (replies are not requests of their own). */
export function allRequests(doc: Y.Doc): RequestSnapshot[] {
  const replies = new Map<string, RequestReply[]>();
  const requests: [string, Y.Map<unknown>][] = [];
  requestsMap(doc).forEach((request, id) => {
    if (!(request instanceof Y.Map)) return;
    const answers = request.get('inReplyTo');
    if (typeof answers !== 'string') return void requests.push([id, request]);
    const at = request.get('receivedAt');
    const reply = { id, text: text(request.get('description')), requester: text(request.get('requester')), at: typeof at === 'number' ? at : 0 };
    replies.set(answers, [...(replies.get(answers) ?? []), reply]);
  });
  return requests
    .map(([id, request]) => snapshotRequest(id, request, (replies.get(id) ?? []).sort((a, b) => a.at - b.at)))
    .sort((a, b) => a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * A requester's answer to a question: a new entry of its own (a requester
 * may only add entries) that names the request it answers. The request
 * shows it, and counts as answered while it waits in the inbox.
 */
export function answerRequest(doc: Y.Doc, requestId: string, answer: { text: string; requester?: string }, now: number): string {
  const original = requestsMap(doc).get(requestId);
  if (!(original instanceof Y.Map) || typeof original.get('inReplyTo') === 'string') throw new Error(`unknown request id ${JSON.stringify(requestId)}`);
  checkString('answer', answer.text, MAX_REQUEST_DESCRIPTION);
  if (answer.text.trim() === '') throw new Error('an answer needs some text');
  checkLine('requester', answer.requester ?? '', MAX_LABEL_LENGTH);
  const id = newId();
  doc.transact(() => {
    const reply = new Y.Map<unknown>();
    requestsMap(doc).set(id, reply);
    reply.set('inReplyTo', requestId);
    reply.set('description', answer.text.trim());
    reply.set('requester', answer.requester?.trim() ?? '');
    reply.set('receivedAt', now);
  });
  return id;
}

/** Whether a request waits in the inbox: not triaged yet, or sent back for more information. */
export function awaitsTriage(request: RequestSnapshot): boolean {
  return request.triage === null || request.triage.action === 'needs-info';
}

/** What waits for triage, oldest first. */
export function inbox(doc: Y.Doc): RequestSnapshot[] {
  return allRequests(doc).filter(awaitsTriage);
}

/** The requests merged into an item, oldest first. */
export function mergedRequests(doc: Y.Doc, itemId: string): RequestSnapshot[] {
  return allRequests(doc).filter((request) => request.triage?.action === 'merged' && request.triage.itemId === itemId);
}
