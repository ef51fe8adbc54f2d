/** One comment: who wrote it and when, its text (mentions picked out), and what its author may do with it. */
import { useState } from 'react';
import { deleteComment, editComment, type CommentSnapshot } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { UserText } from '../ui/UserText.js';
import { CommentText } from './CommentText.js';
import { whenText } from './when.js';

export function CommentView({ session, comment, now, children }: { session: BoardSession; comment: CommentSnapshot; now: number; children?: React.ReactNode }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(comment.text);
  const mine = !session.readOnly && comment.authorId === session.me.id && !comment.deleted;
  return (
    <div className={comment.deleted ? 'comment comment-deleted' : 'comment'} data-comment={comment.id}>
      <div className="comment-head">
        <strong>
          <UserText text={comment.authorName} max={40} />
        </strong>
        <span className="muted">
          {whenText(comment.createdAt, now)}
          {comment.editedAt !== null && ' · edited'}
        </span>
        {comment.question && !comment.resolved && <span className="question-chip">Open question</span>}
        {comment.resolved && <span className="resolved-chip">Resolved by {comment.resolved.by}</span>}
        {mine && !editing && (
          <span className="comment-actions">
            <button type="button" className="link-button" onClick={() => setEditing(true)}>
              Edit
            </button>
            <button type="button" className="link-button" onClick={() => session.act(() => deleteComment(session.doc, comment.id, session.me.id))}>
              Delete
            </button>
          </span>
        )}
      </div>
      {editing ? (
        <form
          className="comment-edit"
          onSubmit={(event) => {
            event.preventDefault();
            if (session.attempt(() => editComment(session.doc, comment.id, text, session.me.id))) setEditing(false);
          }}
        >
          <textarea aria-label="Edit comment" value={text} rows={2} onChange={(event) => setText(event.target.value)} />
          <button type="submit">Save</button>
          <button type="button" className="button-secondary" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <p className="comment-text">{comment.deleted ? <span className="muted">Deleted by its author.</span> : <CommentText comment={comment} />}</p>
      )}
      {children}
    </div>
  );
}
