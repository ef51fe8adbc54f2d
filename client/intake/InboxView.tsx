/**
 * The intake inbox beside the backlog: requests waiting for triage (those
 * sent back for information are marked), each with where it came from and
 * the team's actions, then the latest decisions, so everyone sees what
 * became of a request, whoever triaged it.
 */
import { useState } from 'react';
import { awaitsTriage, type ItemSnapshot, type RequestSnapshot } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { UserText } from '../ui/UserText.js';
import { SOURCE_LABELS, outcomeText, receivedText } from './outcome.js';
import { TriageForm, type TriageAction } from './TriageForm.js';
import { RequestMatches } from './RequestMatches.js';

const RECENT = 10;

interface InboxProps {
  session: BoardSession;
  requests: readonly RequestSnapshot[];
  items: readonly ItemSnapshot[];
  byId: ReadonlyMap<string, ItemSnapshot>;
  selected: ItemSnapshot | null;
  onOpen: (id: string) => void;
  onDone: (text: string, undo: () => boolean) => void;
}

export function InboxView({ session, requests, items, byId, selected, onOpen, onDone }: InboxProps) {
  const waiting = requests.filter(awaitsTriage);
  const decided = requests
    .filter((request) => !awaitsTriage(request))
    .sort((a, b) => b.triage!.at - a.triage!.at)
    .slice(0, RECENT);
  return (
    <section className="inbox" aria-label="Inbox">
      {waiting.length === 0 ? (
        <p className="empty">Nothing waits for triage. Requests filed through the request form ({`/b/${session.boardId}/request`}) land here.</p>
      ) : (
        <ul className="request-list">
          {waiting.map((request) => (
            <RequestCard key={request.id} session={session} request={request} items={items} byId={byId} selected={selected} onOpen={onOpen} onDone={onDone} />
          ))}
        </ul>
      )}
      {decided.length > 0 && (
        <section aria-label="Recently triaged" className="recently-triaged">
          <h3 className="section-title">Recently triaged</h3>
          <ul>
            {decided.map((request) => (
              <li key={request.id} data-request-id={request.id}>
                <UserText text={request.title} max={80} /> <span className="muted">· {outcomeText(request, byId)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

function RequestCard({ session, request, items, byId, selected, onOpen, onDone }: Omit<InboxProps, 'requests'> & { request: RequestSnapshot }) {
  const [action, setAction] = useState<TriageAction | null>(null);
  const from = [SOURCE_LABELS[request.source], request.sourceName].filter(Boolean).join(': ');
  return (
    <li className="request-card" data-request-id={request.id}>
      <div className="request-head">
        {request.answered && <span className="label-chip answered-chip">Answered</span>}
        <strong className="request-title">
          <UserText text={request.title} max={200} />
        </strong>
        <span className="muted request-received">{receivedText(request.receivedAt)}</span>
      </div>
      <p className="request-meta">
        <span className="label-chip">{from}</span>
        {request.requester && (
          <span>
            from <UserText text={request.requester} max={40} />
          </span>
        )}
        {request.link && (
          <a href={request.link} target="_blank" rel="noopener noreferrer nofollow">
            Link
          </a>
        )}
      </p>
      {request.description && (
        <p className="request-description">
          <UserText text={request.description} max={600} />
        </p>
      )}
      {request.triage?.action === 'needs-info' && <p className="request-status request-needs-info">{outcomeText(request, byId)}</p>}
      {request.replies.map((reply) => (
        <p key={reply.id} className="request-reply" data-reply={reply.id}>
          <strong>{reply.requester || 'The requester'} answered:</strong> <UserText text={reply.text} max={600} />
        </p>
      ))}
      {action === null && <RequestMatches session={session} request={request} byId={byId} onOpen={onOpen} onDone={onDone} />}
      {!session.readOnly &&
        (action === null ? (
          <div className="triage-buttons">
            <button type="button" onClick={() => setAction('accept')}>
              Accept…
            </button>
            <button type="button" className="button-secondary" onClick={() => setAction('merge')}>
              Merge…
            </button>
            <button type="button" className="button-secondary" onClick={() => setAction('ask')}>
              Ask…
            </button>
            <button type="button" className="button-secondary" onClick={() => setAction('decline')}>
              Decline…
            </button>
          </div>
        ) : (
          <TriageForm session={session} request={request} action={action} items={items} selected={selected} onDone={onDone} onCancel={() => setAction(null)} />
        ))}
    </li>
  );
}
