/**
 * The session's agenda: one line per item, its title cut with an ellipsis
 * (the panel never scrolls sideways), its outcome, estimate and time spent.
 * The facilitator picks the item to discuss, adds the selection, removes.
 */
import { OUTCOME_TEXT, formatDuration, setAgenda, type ItemSnapshot, type SessionSnapshot } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { UserText } from '../ui/UserText.js';
import { shorten } from '../ui/text.js';

const OUTCOME_MARK: Record<string, string> = { estimated: '✓', split: '⑂', 'needs-info': '?', skipped: '→' };

interface AgendaProps {
  session: BoardSession;
  grooming: SessionSnapshot;
  items: Map<string, ItemSnapshot>;
  /** The agenda's ids that are still on the board, in order. */
  agenda: string[];
  selected: string[];
  isFacilitator: boolean;
  onFocus: (id: string) => void;
}

export function Agenda({ session, grooming, items, agenda, selected, isFacilitator, onFocus }: AgendaProps) {
  const done = agenda.filter((id) => grooming.outcomes[id]).length;
  const addable = selected.filter((id) => !grooming.agenda.includes(id));
  return (
    <section className="agenda-section" aria-labelledby="agenda-title">
      <div className="agenda-head">
        <h2 id="agenda-title" className="panel-title">
          Agenda
        </h2>
        <span className="muted">
          {done} of {agenda.length} done
        </span>
        {isFacilitator && addable.length > 0 && (
          <button type="button" className="link-button" onClick={() => session.act(() => setAgenda(session.doc, [...grooming.agenda, ...addable]))}>
            Add {addable.length} selected
          </button>
        )}
      </div>
      {agenda.length === 0 ? (
        <p className="muted">The agenda is empty. Select items in the backlog and add them.</p>
      ) : (
        <ol className="agenda">
          {agenda.map((id) => {
            const item = items.get(id)!;
            const outcome = grooming.outcomes[id];
            const focused = id === grooming.focus;
            const title = item.title || 'Untitled';
            return (
              <li key={id} className={`agenda-item${focused ? ' agenda-focus' : ''}`} data-agenda-item={item.title}>
                <button
                  type="button"
                  className="agenda-title"
                  disabled={!isFacilitator}
                  onClick={() => onFocus(id)}
                  title={isFacilitator ? `Discuss now: ${shorten(title, 200)}` : shorten(title, 200)}
                  aria-current={focused ? 'true' : undefined}
                >
                  <span className="agenda-mark" aria-hidden="true">
                    {outcome ? OUTCOME_MARK[outcome] : focused ? '▶' : '○'}
                  </span>
                  {(outcome || focused) && <span className="sr-only">{outcome ? OUTCOME_TEXT[outcome] : 'now'}: </span>}
                  <UserText className="agenda-text" text={title} />
                </button>
                <span className="agenda-meta">
                  {item.estimate !== null && <span className="agenda-points">{item.estimate}</span>}
                  {grooming.spent[id] ? <span>{formatDuration(grooming.spent[id])}</span> : null}
                </span>
                {isFacilitator && (
                  <button
                    type="button"
                    className="icon-button agenda-remove"
                    aria-label={`Remove ${shorten(title, 60)} from the agenda`}
                    title="Remove from the agenda"
                    onClick={() => session.act(() => setAgenda(session.doc, grooming.agenda.filter((a) => a !== id)))}
                  >
                    ×
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
