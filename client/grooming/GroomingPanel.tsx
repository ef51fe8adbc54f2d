/**
 * The meeting's side panel: the item under discussion with its poker round
 * first (what everyone looks at, on screen without scrolling), then the
 * agenda, which scrolls on its own. The facilitator sets the focus and
 * edits the agenda; everyone else, observers too, reads along.
 */
import { useContext } from 'react';
import { readinessGaps, setFocus, setOutcome, updateItem, type ItemSnapshot, type SessionSnapshot } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { ReadinessContext } from '../health/ReadinessContext.js';
import { needsText } from '../board/labels.js';
import { UserText } from '../ui/UserText.js';
import { shorten } from '../ui/text.js';
import { Agenda } from './Agenda.js';
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
  const readiness = useContext(ReadinessContext);
  const gaps = focus ? readinessGaps(focus, readiness) : [];

  return (
    <aside className="panel grooming-panel" aria-label="Grooming session">
      {focus ? (
        <section className="focus" data-focus-item={focus.title}>
          <div className="focus-head">
            <span className="focus-label">Now{focusIndex >= 0 ? ` · ${focusIndex + 1} of ${agenda.length}` : ''}</span>
            <h2 className="focus-title">
              <UserText text={focus.title || 'Untitled'} />
            </h2>
          </div>
          {focus.description && <p className="focus-description">{focus.description}</p>}
          {gaps.length > 0 && <p className="focus-gaps">{needsText(gaps)}</p>}
          <div className="focus-actions">
            <button type="button" className="link-button" onClick={() => onOpenDetails(focus.id)}>
              {session.readOnly ? 'Details' : 'Edit details'}
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
            <button type="button" className="next-item button-secondary" onClick={() => focusOn(next)}>
              Next: {shorten(items.get(next)?.title ?? '', 40) || 'Untitled'} →
            </button>
          )}
        </section>
      ) : (
        <p className="muted">{isFacilitator ? 'Pick an agenda item to discuss.' : 'Waiting for the facilitator to pick an item.'}</p>
      )}
      <Agenda session={session} grooming={grooming} items={items} agenda={agenda} selected={selected} isFacilitator={isFacilitator} onFocus={focusOn} />
    </aside>
  );
}
