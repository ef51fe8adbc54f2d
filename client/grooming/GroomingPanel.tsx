/**
 * The meeting's side panel: the agenda (the facilitator sets the focus), the
 * item under discussion, and its poker round.
 */
import { READINESS_LABELS, readinessGaps, setAgenda, setFocus, setOutcome, updateItem, formatDuration, type ItemSnapshot, type SessionSnapshot } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { PokerRound } from './PokerRound.js';

interface GroomingPanelProps {
  session: BoardSession;
  grooming: SessionSnapshot;
  items: Map<string, ItemSnapshot>;
  selected: string[];
  present: ReadonlySet<string>;
  onOpenDetails: (id: string) => void;
  onSplit: (id: string) => void;
  onError: (message: string) => void;
}

const OUTCOME_MARK: Record<string, string> = { estimated: '✓', split: '⑂', 'needs-info': '?', skipped: '→' };

export function GroomingPanel({ session, grooming, items, selected, present, onOpenDetails, onSplit, onError }: GroomingPanelProps) {
  const isFacilitator = grooming.facilitator === session.me.id && session.role === 'facilitator';
  const focus = grooming.focus ? items.get(grooming.focus) : undefined;
  const agenda = grooming.agenda.filter((id) => items.has(id));
  const focusIndex = grooming.focus ? agenda.indexOf(grooming.focus) : -1;
  const next = agenda.slice(focusIndex + 1).find((id) => !grooming.outcomes[id]) ?? agenda[focusIndex + 1];
  const focusOn = (id: string | null) => session.act(() => setFocus(session.doc, id, session.clock.now()));
  const outcome = (id: string, value: 'needs-info' | 'skipped') =>
    session.act(() =>
      session.doc.transact(() => {
        setOutcome(session.doc, id, value);
        if (value === 'needs-info') updateItem(session.doc, id, { status: 'needs-info' });
      }),
    );

  return (
    <aside className="panel grooming-panel" aria-label="Grooming session">
      <section>
        <div className="panel-header">
          <h2 className="panel-title">Agenda</h2>
          {isFacilitator && selected.length > 0 && (
            <button type="button" className="link-button" onClick={() => session.act(() => setAgenda(session.doc, [...grooming.agenda, ...selected]))}>
              Add {selected.length} selected
            </button>
          )}
        </div>
        <ol className="agenda">
          {agenda.map((id) => {
            const item = items.get(id)!;
            const done = grooming.outcomes[id];
            return (
              <li key={id} className={`agenda-item${id === grooming.focus ? ' agenda-focus' : ''}`} data-agenda-item={item.title}>
                <button type="button" className="agenda-title" disabled={!isFacilitator} onClick={() => focusOn(id)} title={isFacilitator ? 'Discuss this item now' : undefined}>
                  <span className="agenda-mark" aria-hidden="true">
                    {done ? OUTCOME_MARK[done] : id === grooming.focus ? '▶' : '○'}
                  </span>
                  {item.title || 'Untitled'}
                </button>
                <span className="muted agenda-meta">
                  {item.estimate ?? ''} {grooming.spent[id] ? formatDuration(grooming.spent[id]) : ''}
                </span>
                {isFacilitator && (
                  <button type="button" className="icon-button" aria-label={`Remove ${item.title} from the agenda`} onClick={() => session.act(() => setAgenda(session.doc, grooming.agenda.filter((a) => a !== id)))}>
                    ×
                  </button>
                )}
              </li>
            );
          })}
        </ol>
        {agenda.length === 0 && <p className="muted">The agenda is empty. Select items in the backlog and add them.</p>}
      </section>

      {focus ? (
        <section className="focus" data-focus-item={focus.title}>
          <div className="panel-header">
            <h2 className="panel-title">Now: {focus.title || 'Untitled'}</h2>
          </div>
          {focus.description && <p className="focus-description">{focus.description}</p>}
          {focus.acceptanceCriteria.length > 0 && (
            <ul className="focus-criteria">
              {focus.acceptanceCriteria.map((c) => (
                <li key={c.id}>{c.done ? '☑' : '☐'} {c.text}</li>
              ))}
            </ul>
          )}
          {readinessGaps(focus).length > 0 && <p className="readiness">{readinessGaps(focus).map((gap) => READINESS_LABELS[gap]).join(' · ')}</p>}
          <div className="panel-actions">
            <button type="button" className="link-button" onClick={() => onOpenDetails(focus.id)}>
              Edit details
            </button>
            {isFacilitator && (
              <>
                <button type="button" className="link-button" onClick={() => onSplit(focus.id)}>
                  Split…
                </button>
                <button type="button" className="link-button" onClick={() => outcome(focus.id, 'needs-info')}>
                  Needs more info
                </button>
                <button type="button" className="link-button" onClick={() => outcome(focus.id, 'skipped')}>
                  Skip
                </button>
              </>
            )}
          </div>
          <PokerRound session={session} grooming={grooming} itemId={focus.id} present={present} onError={onError} />
          {isFacilitator && next && (
            <button type="button" className="next-item" onClick={() => focusOn(next)}>
              Next: {items.get(next)?.title.slice(0, 40) || 'Untitled'} →
            </button>
          )}
        </section>
      ) : (
        <p className="muted">{isFacilitator ? 'Pick an agenda item to discuss.' : 'Waiting for the facilitator to pick an item.'}</p>
      )}
    </aside>
  );
}
