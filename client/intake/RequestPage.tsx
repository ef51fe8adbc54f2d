/**
 * The route /b/<boardId>/request: a form for people outside the team to
 * file a request into the board's inbox, and the status of the requests
 * filed from this browser. It is all a requester's invite opens; without
 * invites, anyone with the board's link can use it.
 */
import { useMemo, useState } from 'react';
import { REQUEST_SOURCES, answerRequest, boardTitle, fileRequest, type RequestSource } from '../../shared/index.js';
import { Choice } from '../ui/Choice.js';
import { UserText } from '../ui/UserText.js';
import { useBoardSession, useConnection, useItems } from '../session/useBoardSession.js';
import { useDocValue } from '../session/useDocValue.js';
import type { BoardSession } from '../session/BoardSession.js';
import { myRequestIds, rememberMyRequest } from './myRequests.js';
import { SOURCE_LABELS, outcomeText, receivedText } from './outcome.js';
import { useRequests } from './useRequests.js';

export function RequestPage({ boardId }: { boardId: string }) {
  const session = useBoardSession(boardId);
  return session ? <RequestForm session={session} /> : null;
}

/** The requester's answer to the team's question. */
function AnswerForm({ session, requestId, requester }: { session: BoardSession; requestId: string; requester: string }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="answer-form"
      onSubmit={(event) => {
        event.preventDefault();
        const made = session.actUndoable(() => answerRequest(session.doc, requestId, { text, requester }, session.clock.now()), setError);
        if (made) setText('');
      }}
    >
      <textarea className="text-area" rows={2} aria-label="Your answer" value={text} onChange={(event) => setText(event.target.value)} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={text.trim() === ''}>
        Send answer
      </button>
    </form>
  );
}

const EMPTY = { title: '', description: '', source: 'customer' as RequestSource, sourceName: '', link: '' };

function RequestForm({ session }: { session: BoardSession }) {
  const title = useDocValue(session.doc, boardTitle);
  const connection = useConnection(session);
  const requests = useRequests(session.doc);
  const items = useItems(session);
  const byId = useMemo(() => new Map(items.map((item) => [item.id, item])), [items]);
  const [fields, setFields] = useState(EMPTY);
  const [requester, setRequester] = useState(session.me.name.startsWith('Guest ') ? '' : session.me.name);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [mine, setMine] = useState(() => myRequestIds(session.boardId));
  const myRequests = requests.filter((request) => mine.includes(request.id)).reverse();
  const set = (patch: Partial<typeof EMPTY>) => setFields((current) => ({ ...current, ...patch }));

  const submit = () => {
    const id = session.actUndoable(
      () => fileRequest(session.doc, { ...fields, requester }, session.clock.now()),
      (message) => setError(message),
    )?.result;
    if (id === undefined) return;
    rememberMyRequest(session.boardId, id);
    setMine(myRequestIds(session.boardId));
    setSent(fields.title);
    setFields(EMPTY);
    setError(null);
  };

  return (
    <main className="request-page">
      <h1>
        Send a request{title ? ' to ' : ''}
        {title && <UserText text={title} max={80} />}
      </h1>
      <p className="muted">The team reviews every request and decides whether it goes into their backlog. You can follow what happens to yours below.</p>
      <form
        className="request-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label className="field">
          <span className="field-label">What do you need?</span>
          <input className="text-input" required maxLength={500} value={fields.title} onChange={(event) => set({ title: event.target.value })} placeholder="One line: what, for whom" />
        </label>
        <label className="field">
          <span className="field-label">Details</span>
          <textarea className="text-area" rows={5} maxLength={20_000} value={fields.description} onChange={(event) => set({ description: event.target.value })} placeholder="Why it matters, who is affected, any deadline" />
        </label>
        <div className="field-grid">
          <label className="field">
            <span className="field-label">Coming from</span>
            <Choice values={REQUEST_SOURCES} labels={SOURCE_LABELS} value={fields.source} onChange={(source) => source && set({ source })} />
          </label>
          <label className="field">
            <span className="field-label">Customer or team</span>
            <input className="text-input" maxLength={64} value={fields.sourceName} onChange={(event) => set({ sourceName: event.target.value })} placeholder="e.g. Acme Corp, Support" />
          </label>
          <label className="field">
            <span className="field-label">Your name</span>
            <input className="text-input" maxLength={64} value={requester} onChange={(event) => setRequester(event.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">Link</span>
            <input className="text-input" type="url" value={fields.link} onChange={(event) => set({ link: event.target.value })} placeholder="https://… (a ticket, a thread)" />
          </label>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {sent && (
          <p className="form-ok" role="status">
            Sent: “<UserText text={sent} max={80} />”. {connection.status === 'live' || connection.status === 'synced' ? '' : 'It goes out as soon as this page is back online.'}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" disabled={fields.title.trim() === ''}>
            Send request
          </button>
        </div>
      </form>
      {myRequests.length > 0 && (
        <section aria-label="Your requests" className="my-requests">
          <h2>Your requests</h2>
          <ul>
            {myRequests.map((request) => (
              <li key={request.id} data-request-id={request.id}>
                <strong>
                  <UserText text={request.title} max={100} />
                </strong>
                <span className="muted"> · {receivedText(request.receivedAt)}</span>
                <p className={`request-status request-${request.triage?.action ?? 'new'}`}>{outcomeText(request, byId)}</p>
                {request.replies.map((reply) => (
                  <p key={reply.id} className="request-reply">
                    You answered: <UserText text={reply.text} max={300} />
                  </p>
                ))}
                {request.triage?.action === 'needs-info' && !request.answered && <AnswerForm session={session} requestId={request.id} requester={requester} />}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

