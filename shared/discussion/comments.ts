/**
 * Comments on items: threads people write on their own time, live and
 * offline like the rest of the board.
 *
 * Layout:
 *   doc.getMap('comments')   comment id -> Y.Map:
 *     item                   the item it is about
 *     replyTo                absent on a thread's first comment; else that comment's id (threads are one level deep)
 *     authorId, authorName   who wrote it
 *     text                   a plain string (an edit replaces it: one author, last write wins)
 *     createdAt, editedAt    ms since the epoch
 *     deleted                true: taken back by its author; the text is emptied, its replies stay
 *     question               on a first comment: true while it asks an open question
 *     resolvedBy, resolvedAt on a first comment: who resolved the thread, and when (absent: open)
 *     mention:<person id>    the person's name: mentioned, not yet seen
 *     seen:<person id>       true once that person opened the item
 *
 * Each comment is its own entry and each mark its own key, so two people
 * writing, resolving or being mentioned at once all keep theirs.
 */
import * as Y from 'yjs';
import { stampSchema } from '../board.js';
import { newId } from '../ids.js';
import { requireItem } from '../ordering.js';
import { MAX_LABEL_LENGTH, checkLine, checkString } from '../schema.js';

export const COMMENTS_ROOT = 'comments';
export const MAX_COMMENT_LENGTH = 20_000;
const MENTION = 'mention:';
const SEEN = 'seen:';

export interface Person {
  id: string;
  name: string;
}

export interface CommentSnapshot {
  id: string;
  itemId: string;
  replyTo: string | null;
  authorId: string;
  authorName: string;
  text: string;
  createdAt: number;
  editedAt: number | null;
  deleted: boolean;
  question: boolean;
  resolved: { by: string; at: number } | null;
  /** People mentioned, and whether each has seen it. */
  mentions: { id: string; name: string; seen: boolean }[];
}

export interface Thread {
  root: CommentSnapshot;
  replies: CommentSnapshot[];
}

export function commentsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(COMMENTS_ROOT);
}

function checkPerson(role: string, person: unknown): asserts person is Person {
  const value = person as Person | null;
  if (typeof value !== 'object' || value === null) throw new Error(`${role} must be {id, name}`);
  if (typeof value.id !== 'string' || value.id === '') throw new Error(`${role} id must be a non-empty string`);
  checkLine(`${role} id`, value.id, MAX_LABEL_LENGTH);
  checkLine(`${role} name`, value.name, MAX_LABEL_LENGTH);
}

function checkText(text: unknown): asserts text is string {
  checkString('text', text, MAX_COMMENT_LENGTH);
  if (text.trim() === '') throw new Error('a comment needs text');
}

function checkTime(at: unknown): asserts at is number {
  if (typeof at !== 'number' || !Number.isFinite(at)) throw new Error(`at must be a time in ms; got ${typeof at === 'number' ? at : JSON.stringify(at)}`);
}

// A string "false" is truthy: take booleans only, so a flag means what was meant
function checkFlag(name: string, value: unknown): asserts value is boolean {
  if (typeof value !== 'boolean') throw new Error(`${name} must be true or false; got ${JSON.stringify(value)}`);
}

function requireComment(doc: Y.Doc, id: unknown): Y.Map<unknown> {
  const comment = typeof id === 'string' ? commentsMap(doc).get(id) : undefined;
  if (!(comment instanceof Y.Map)) throw new Error(`unknown comment id ${JSON.stringify(id)}`);
  return comment;
}

function requireAuthor(comment: Y.Map<unknown>, byId: unknown, action: string): void {
  if (comment.get('authorId') !== byId) throw new Error(`only its author may ${action} a comment`);
}

function requireRoot(comment: Y.Map<unknown>, action: string): void {
  if (comment.has('replyTo')) throw new Error(`only a thread's first comment can be ${action}`);
}

/** Writes a comment (or a reply to a thread's first comment) and returns its id. */
export function addComment(
  doc: Y.Doc,
  fields: { itemId: string; text: string; author: Person; replyTo?: string; question?: boolean; mentions?: Person[]; at?: number },
): string {
  if (typeof fields !== 'object' || fields === null) throw new Error('addComment needs {itemId, text, author}');
  requireItem(doc, fields.itemId);
  checkText(fields.text);
  checkPerson('author', fields.author);
  if (fields.mentions !== undefined && !Array.isArray(fields.mentions)) throw new Error('mentions must be an array of {id, name}');
  for (const person of fields.mentions ?? []) checkPerson('mentioned person', person);
  if (fields.question !== undefined) checkFlag('question', fields.question);
  if (fields.at !== undefined) checkTime(fields.at);
  if (fields.replyTo !== undefined) {
    if (typeof fields.replyTo !== 'string') throw new Error(`replyTo must be a comment id; got ${JSON.stringify(fields.replyTo)}`);
    const root = requireComment(doc, fields.replyTo);
    if (root.has('replyTo')) throw new Error("a reply goes to the thread's first comment, not to another reply");
    if (root.get('item') !== fields.itemId) throw new Error('a reply must be about the same item as its thread');
    if (fields.question) throw new Error("only a thread's first comment can ask a question");
  }
  const id = newId();
  doc.transact(() => {
    stampSchema(doc);
    const comment = new Y.Map<unknown>();
    commentsMap(doc).set(id, comment);
    comment.set('item', fields.itemId);
    if (fields.replyTo !== undefined) comment.set('replyTo', fields.replyTo);
    comment.set('authorId', fields.author.id);
    comment.set('authorName', fields.author.name);
    comment.set('text', fields.text);
    comment.set('createdAt', fields.at ?? Date.now());
    if (fields.question) comment.set('question', true);
    for (const person of fields.mentions ?? []) if (person.id !== fields.author.id) comment.set(`${MENTION}${person.id}`, person.name);
  });
  return id;
}

export function editComment(doc: Y.Doc, id: string, text: string, byId: string, at = Date.now()): void {
  const comment = requireComment(doc, id);
  requireAuthor(comment, byId, 'edit');
  if (comment.get('deleted') === true) throw new Error('a deleted comment cannot be edited');
  checkText(text);
  checkTime(at);
  doc.transact(() => {
    comment.set('text', text);
    comment.set('editedAt', at);
  });
}

/** Takes a comment back: its text goes, its place in the thread (and any replies) stays. */
export function deleteComment(doc: Y.Doc, id: string, byId: string): void {
  const comment = requireComment(doc, id);
  requireAuthor(comment, byId, 'delete');
  doc.transact(() => {
    comment.set('text', '');
    comment.set('deleted', true);
    comment.delete('question');
  });
}

/** Marks or unmarks a thread's first comment as an open question. */
export function setQuestion(doc: Y.Doc, id: string, open: boolean): void {
  const comment = requireComment(doc, id);
  requireRoot(comment, 'marked as a question');
  checkFlag('open', open);
  doc.transact(() => (open ? comment.set('question', true) : comment.delete('question')));
}

/** Resolves a thread (an answered question no longer counts as open), or reopens it. */
export function resolveThread(doc: Y.Doc, id: string, by: Person, resolved: boolean, at = Date.now()): void {
  const comment = requireComment(doc, id);
  requireRoot(comment, 'resolved');
  checkPerson('resolver', by);
  checkFlag('resolved', resolved);
  checkTime(at);
  doc.transact(() => {
    if (resolved) {
      comment.set('resolvedBy', by.name);
      comment.set('resolvedAt', at);
    } else {
      comment.delete('resolvedBy');
      comment.delete('resolvedAt');
    }
  });
}

/** The person opened the item: its mentions of them are seen. */
export function markMentionsSeen(doc: Y.Doc, itemId: string, personId: string): void {
  if (typeof itemId !== 'string') throw new Error(`itemId must be a string; got ${JSON.stringify(itemId)}`);
  if (typeof personId !== 'string') throw new Error(`personId must be a string; got ${JSON.stringify(personId)}`);
  const unseen = [...commentsMap(doc).values()].filter((comment) => comment.get('item') === itemId && comment.has(`${MENTION}${personId}`) && !comment.has(`${SEEN}${personId}`));
  if (unseen.length === 0) return;
  doc.transact(() => unseen.forEach((comment) => comment.set(`${SEEN}${personId}`, true)));
}

const numberOr = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
const stringOr = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);

/** When the thread was resolved, or null: the one test of "resolved" that readComment and openQuestions share. */
function resolvedTime(comment: Y.Map<unknown>): number | null {
  const at = comment.get('resolvedAt');
  return typeof at === 'number' && Number.isFinite(at) ? at : null;
}

export function readComment(id: string, comment: Y.Map<unknown>): CommentSnapshot {
  const mentions: CommentSnapshot['mentions'] = [];
  for (const [key, value] of comment.entries()) {
    if (key.startsWith(MENTION)) {
      const person = key.slice(MENTION.length);
      mentions.push({ id: person, name: stringOr(value, person), seen: comment.get(`${SEEN}${person}`) === true });
    }
  }
  const deleted = comment.get('deleted') === true;
  const replyTo = comment.get('replyTo');
  const resolvedAt = resolvedTime(comment);
  return {
    id,
    itemId: stringOr(comment.get('item'), ''),
    replyTo: typeof replyTo === 'string' ? replyTo : null,
    authorId: stringOr(comment.get('authorId'), ''),
    authorName: stringOr(comment.get('authorName'), 'someone'),
    text: deleted ? '' : stringOr(comment.get('text'), ''),
    createdAt: numberOr(comment.get('createdAt'), 0),
    editedAt: typeof comment.get('editedAt') === 'number' ? (comment.get('editedAt') as number) : null,
    deleted,
    question: !deleted && comment.get('question') === true,
    resolved: resolvedAt !== null ? { by: stringOr(comment.get('resolvedBy'), 'someone'), at: resolvedAt } : null,
    mentions: mentions.sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

const byTime = (a: CommentSnapshot, b: CommentSnapshot) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

/** An item's threads, oldest first, each with its replies oldest first (a reply whose thread is gone is shown as a thread). */
export function itemThreads(doc: Y.Doc, itemId: string): Thread[] {
  const comments: CommentSnapshot[] = [];
  for (const [id, comment] of commentsMap(doc).entries()) if (comment instanceof Y.Map && comment.get('item') === itemId) comments.push(readComment(id, comment));
  const roots = new Map(comments.filter((comment) => comment.replyTo === null).map((comment) => [comment.id, { root: comment, replies: [] as CommentSnapshot[] }]));
  for (const comment of comments) {
    if (comment.replyTo === null) continue;
    const thread = roots.get(comment.replyTo);
    if (thread) thread.replies.push(comment);
    else roots.set(comment.id, { root: comment, replies: [] });
  }
  const threads = [...roots.values()].sort((a, b) => byTime(a.root, b.root));
  for (const thread of threads) thread.replies.sort(byTime);
  return threads;
}

/** Item id -> how many open questions it has (asked, not deleted, not resolved). */
export function openQuestions(doc: Y.Doc): Map<string, number> {
  const out = new Map<string, number>();
  for (const comment of commentsMap(doc).values()) {
    if (!(comment instanceof Y.Map) || comment.get('question') !== true || comment.get('deleted') === true || resolvedTime(comment) !== null || typeof comment.get('replyTo') === 'string') continue;
    const item = comment.get('item');
    if (typeof item === 'string') out.set(item, (out.get(item) ?? 0) + 1);
  }
  return out;
}

/** Item id -> how many comments it has, deleted ones left out. */
export function commentCounts(doc: Y.Doc): Map<string, number> {
  const out = new Map<string, number>();
  for (const comment of commentsMap(doc).values()) {
    if (!(comment instanceof Y.Map) || comment.get('deleted') === true) continue;
    const item = comment.get('item');
    if (typeof item === 'string') out.set(item, (out.get(item) ?? 0) + 1);
  }
  return out;
}

/** The items with a mention of this person they have not seen yet, each once. */
export function unseenMentions(doc: Y.Doc, personId: string): string[] {
  const out = new Set<string>();
  for (const comment of commentsMap(doc).values()) {
    if (!(comment instanceof Y.Map) || !comment.has(`${MENTION}${personId}`) || comment.has(`${SEEN}${personId}`) || comment.get('deleted') === true) continue;
    const item = comment.get('item');
    if (typeof item === 'string') out.add(item);
  }
  return [...out];
}
