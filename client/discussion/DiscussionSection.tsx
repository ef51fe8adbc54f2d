/**
 * In the item panel: the item's comment threads, live and offline like the
 * rest. Anyone but a viewer writes, replies, asks a question, mentions a
 * person present on the board and resolves a thread; authors edit and
 * delete their own. Opening the item clears my mentions in it.
 */
import { useEffect, useMemo, useState } from 'react';
import { addComment, markMentionsSeen, resolveThread, setQuestion, type Person, type Thread } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import type { Peer } from '../session/presence.js';
import { CommentComposer } from './CommentComposer.js';
import { CommentView } from './CommentView.js';
import { useItemThreads } from './useItemThreads.js';

export function DiscussionSection({ session, itemId, peers }: { session: BoardSession; itemId: string; peers: readonly Peer[] }) {
  const threads = useItemThreads(session.doc, itemId);
  const me = session.me;
  const people: Person[] = useMemo(() => {
    const seen = new Map<string, Person>();
    for (const peer of peers) if (!peer.isMe && !seen.has(peer.user.id)) seen.set(peer.user.id, { id: peer.user.id, name: peer.user.name });
    return [...seen.values()];
  }, [peers]);
  const mentionsMe = threads.some((thread) => [thread.root, ...thread.replies].some((comment) => comment.mentions.some((mention) => mention.id === me.id && !mention.seen)));
  useEffect(() => {
    if (mentionsMe) session.note(() => markMentionsSeen(session.doc, itemId, me.id));
  }, [mentionsMe, session, itemId, me.id]);
  const now = Date.now();
  const open = threads.filter((thread) => thread.root.question && !thread.root.resolved).length;
  return (
    <section className="discussion" aria-label="Discussion">
      <h3 className="section-title">
        Discussion{threads.length > 0 && <span className="muted"> · {threads.length} {threads.length === 1 ? 'thread' : 'threads'}</span>}
        {open > 0 && <span className="question-chip">{open} open {open === 1 ? 'question' : 'questions'}</span>}
      </h3>
      {threads.map((thread) => (
        <ThreadView key={thread.root.id} session={session} thread={thread} people={people} now={now} />
      ))}
      {!session.readOnly && (
        <CommentComposer
          people={people}
          reply={false}
          onSubmit={(draft) => session.attempt(() => void addComment(session.doc, { itemId, text: draft.text, author: me, question: draft.question, mentions: draft.mentions }))}
        />
      )}
      {session.readOnly && threads.length === 0 && <p className="muted">No comments yet.</p>}
    </section>
  );
}

function ThreadView({ session, thread, people, now }: { session: BoardSession; thread: Thread; people: readonly Person[]; now: number }) {
  const [replying, setReplying] = useState(false);
  const { root } = thread;
  const me = session.me;
  return (
    <article className={root.resolved ? 'thread thread-resolved' : 'thread'} aria-label={`Thread by ${root.authorName}`}>
      <CommentView session={session} comment={root} now={now}>
        {!session.readOnly && !root.deleted && (
          <div className="thread-actions">
            <button type="button" className="link-button" onClick={() => setReplying(!replying)}>
              Reply
            </button>
            <button type="button" className="link-button" onClick={() => session.act(() => resolveThread(session.doc, root.id, me, root.resolved === null))}>
              {root.resolved ? 'Reopen' : 'Resolve'}
            </button>
            {root.resolved === null && (
              <button type="button" className="link-button" onClick={() => session.act(() => setQuestion(session.doc, root.id, !root.question))}>
                {root.question ? 'Not a question' : 'Mark as question'}
              </button>
            )}
          </div>
        )}
      </CommentView>
      {thread.replies.length > 0 && (
        <div className="replies">
          {thread.replies.map((reply) => (
            <CommentView key={reply.id} session={session} comment={reply} now={now} />
          ))}
        </div>
      )}
      {replying && (
        <div className="replies">
          <CommentComposer
            people={people}
            reply
            onCancel={() => setReplying(false)}
            onSubmit={(draft) => {
              const done = session.attempt(() => void addComment(session.doc, { itemId: root.itemId, text: draft.text, author: me, replyTo: root.id, mentions: draft.mentions }));
              if (done) setReplying(false);
              return done;
            }}
          />
        </div>
      )}
    </article>
  );
}
