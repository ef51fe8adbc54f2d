/** In the item panel: the requests merged into this item, with their text, requester and link. */
import type { RequestSnapshot } from '../../shared/index.js';
import { UserText } from '../ui/UserText.js';
import { SOURCE_LABELS, receivedText } from './outcome.js';

export function MergedRequests({ requests }: { requests: readonly RequestSnapshot[] }) {
  if (requests.length === 0) return null;
  return (
    <section className="merged-requests" aria-label="Merged requests">
      <h3 className="section-title">Merged requests ({requests.length})</h3>
      {requests.map((request) => (
        <div key={request.id} className="merged-request">
          <p>
            <strong>
              <UserText text={request.title} max={200} />
            </strong>{' '}
            <span className="muted">
              · {SOURCE_LABELS[request.source]}
              {request.sourceName && <>: <UserText text={request.sourceName} max={40} /></>}
              {request.requester && <>, <UserText text={request.requester} max={40} /></>} · {receivedText(request.receivedAt)}
            </span>
          </p>
          {request.description && (
            <p className="merged-text">
              <UserText text={request.description} />
            </p>
          )}
          {request.link && (
            <a href={request.link} target="_blank" rel="noopener noreferrer nofollow">
              {request.link}
            </a>
          )}
        </div>
      ))}
    </section>
  );
}
