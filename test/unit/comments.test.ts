import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addComment,
  addItem,
  commentsMap,
  deleteComment,
  editComment,
  itemThreads,
  markMentionsSeen,
  openQuestions,
  resolveThread,
  setQuestion,
  unseenMentions,
} from '../../shared/index.js';
import { expectRejected } from '../helpers/model.js';

const ana = { id: 'ana-id', name: 'Ana' };
const bo = { id: 'bo-id', name: 'Bo' };

function board() {
  const doc = new Y.Doc();
  const item = addItem(doc, { title: 'Login' });
  return { doc, item };
}

describe('comments', () => {
  it('thread replies under their comment, in the order written', () => {
    const { doc, item } = board();
    const root = addComment(doc, { itemId: item, text: 'Which providers?', author: ana, at: 1 });
    addComment(doc, { itemId: item, text: 'Google first', author: bo, replyTo: root, at: 3 });
    addComment(doc, { itemId: item, text: 'And GitHub', author: ana, replyTo: root, at: 2 });
    const [thread] = itemThreads(doc, item);
    expect(thread!.root.text).toBe('Which providers?');
    expect(thread!.replies.map((reply) => reply.text)).toEqual(['And GitHub', 'Google first']);
  });

  it('let only the author edit or delete a comment; a deleted one keeps its place in the thread', () => {
    const { doc, item } = board();
    const root = addComment(doc, { itemId: item, text: 'Typo here', author: ana, at: 1 });
    addComment(doc, { itemId: item, text: 'A reply', author: bo, replyTo: root, at: 2 });
    editComment(doc, root, 'Fixed text', ana.id, 5);
    expect(itemThreads(doc, item)[0]!.root).toMatchObject({ text: 'Fixed text', editedAt: 5 });
    expectRejected(doc, () => editComment(doc, root, 'Not mine', bo.id), /only its author/);
    expectRejected(doc, () => deleteComment(doc, root, bo.id), /only its author/);
    deleteComment(doc, root, ana.id);
    const [thread] = itemThreads(doc, item);
    expect(thread!.root).toMatchObject({ deleted: true, text: '' });
    expect(thread!.replies).toHaveLength(1);
  });

  it('count open questions per item until answered and resolved or unmarked', () => {
    const { doc, item } = board();
    const question = addComment(doc, { itemId: item, text: 'Is SSO in scope?', author: ana, question: true });
    addComment(doc, { itemId: item, text: 'Just a note', author: bo });
    expect(openQuestions(doc).get(item)).toBe(1);
    resolveThread(doc, question, bo, true);
    expect(openQuestions(doc).get(item)).toBeUndefined();
    resolveThread(doc, question, bo, false);
    expect(openQuestions(doc).get(item)).toBe(1);
    setQuestion(doc, question, false);
    expect(openQuestions(doc).get(item)).toBeUndefined();
  });

  it('mark a mention for the person named until they open the item', () => {
    const { doc, item } = board();
    addComment(doc, { itemId: item, text: '@Bo can you check?', author: ana, mentions: [bo] });
    expect(unseenMentions(doc, bo.id)).toEqual([item]);
    expect(unseenMentions(doc, ana.id)).toEqual([]);
    markMentionsSeen(doc, item, bo.id);
    expect(unseenMentions(doc, bo.id)).toEqual([]);
  });

  it('keep both of two comments written at once on two replicas', () => {
    const { doc: a, item } = board();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    addComment(a, { itemId: item, text: 'From Ana', author: ana, at: 1 });
    addComment(b, { itemId: item, text: 'From Bo', author: bo, at: 2 });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) expect(itemThreads(doc, item).map((thread) => thread.root.text)).toEqual(['From Ana', 'From Bo']);
  });

  it('refuse wrong arguments by name and write nothing', () => {
    const { doc, item } = board();
    const root = addComment(doc, { itemId: item, text: 'Root', author: ana });
    expectRejected(doc, () => addComment(doc, { itemId: 'nope', text: 'x', author: ana }), /unknown item id "nope"/);
    expectRejected(doc, () => addComment(doc, { itemId: item, text: '', author: ana }), /a comment needs text/);
    expectRejected(doc, () => addComment(doc, { itemId: item, text: 'x'.repeat(20_001), author: ana }), /text is 20001 characters long/);
    expectRejected(doc, () => addComment(doc, { itemId: item, text: 'x', author: ana, replyTo: 'nope' }), /unknown comment id "nope"/);
    const reply = addComment(doc, { itemId: item, text: 'Reply', author: bo, replyTo: root });
    expectRejected(doc, () => addComment(doc, { itemId: item, text: 'x', author: ana, replyTo: reply }), /a reply goes to the thread's first comment/);
    expectRejected(doc, () => resolveThread(doc, reply, ana, true), /only a thread's first comment/);
    expectRejected(doc, () => addComment(doc, { itemId: item, text: 'x', author: { id: '', name: 'A' } }), /author id/);
  });

  it('refuse a wrong type rather than store it or read it loosely', () => {
    const { doc, item } = board();
    const root = addComment(doc, { itemId: item, text: 'Root', author: ana, question: true });
    const add = (fields: object) => () => addComment(doc, { itemId: item, text: 'x', author: ana, ...fields });
    expectRejected(doc, add({ at: NaN }), /at must be a time in ms; got NaN/);
    expectRejected(doc, add({ at: 'yesterday' }), /at must be a time in ms; got "yesterday"/);
    expectRejected(doc, add({ question: 'no' }), /question must be true or false; got "no"/);
    expectRejected(doc, add({ mentions: {} }), /mentions must be an array of \{id, name\}/);
    expectRejected(doc, add({ mentions: 'bo-id' }), /mentions must be an array of \{id, name\}/);
    expectRejected(doc, add({ mentions: [null] }), /mentioned person must be \{id, name\}/);
    expectRejected(doc, add({ replyTo: null }), /replyTo must be a comment id; got null/);
    expectRejected(doc, () => addComment(doc, null as never), /addComment needs \{itemId, text, author\}/);
    expectRejected(doc, () => editComment(doc, root, 'y', ana.id, NaN), /at must be a time in ms; got NaN/);
    expectRejected(doc, () => setQuestion(doc, root, 'false' as never), /open must be true or false; got "false"/);
    expectRejected(doc, () => resolveThread(doc, root, bo, 'no' as never), /resolved must be true or false; got "no"/);
    expectRejected(doc, () => resolveThread(doc, root, bo, true, 'x' as never), /at must be a time in ms; got "x"/);
    expectRejected(doc, () => markMentionsSeen(doc, 5 as never, bo.id), /itemId must be a string/);
    expectRejected(doc, () => markMentionsSeen(doc, item, null as never), /personId must be a string/);
  });

  it('count a question as open exactly when its thread reads as open', () => {
    const { doc, item } = board();
    const question = addComment(doc, { itemId: item, text: 'Is SSO in scope?', author: ana, question: true });
    // A malformed resolution (from an older or faulty client) reads as open, so it must count as open
    commentsMap(doc).get(question)!.set('resolvedAt', 'x');
    expect(itemThreads(doc, item)[0]!.root.resolved).toBeNull();
    expect(openQuestions(doc).get(item)).toBe(1);
  });
});
