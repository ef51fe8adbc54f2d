/**
 * One open sprint on the sprint board: its dates and goal, the capacity bar
 * (committed points against capacity, unestimated items counted apart), its
 * lane of committed items, the people's days, start and close.
 */
import { useState, type ReactNode } from 'react';
import { closeSprint, deleteSprint, orderedItems, setPersonDays, startSprint, updateSprint, type SprintSnapshot } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { UserText } from '../ui/UserText.js';
import type { SprintPlan } from './planFigures.js';

const round = (value: number) => String(Math.round(value * 10) / 10);

function CapacityBar({ plan }: { plan: SprintPlan }) {
  const capacity = plan.capacity.points;
  const over = capacity !== null && plan.load.points > capacity;
  const share = capacity ? Math.min(100, (plan.load.points / capacity) * 100) : 0;
  return (
    <div className={over ? 'capacity capacity-over' : 'capacity'} role="meter" aria-label={`${plan.sprint.name} capacity`} aria-valuenow={plan.load.points} aria-valuemin={0} aria-valuemax={capacity ?? undefined}>
      <div className="capacity-track">
        <div className="capacity-fill" style={{ width: `${share}%` }} />
      </div>
      <span className="capacity-text" data-capacity={plan.sprint.id}>
        {round(plan.load.points)} of {capacity === null ? '?' : round(capacity)} points
        {plan.load.unestimated > 0 && ` · ${plan.load.unestimated} not estimated`}
        {over && ' · over capacity'}
        {plan.capacity.days > 0 && ` · ${round(plan.capacity.days)} focused days`}
      </span>
    </div>
  );
}

export function SprintCard({ session, plan, next, onDone, children }: { session: BoardSession; plan: SprintPlan; next: SprintSnapshot | null; onDone: (text: string) => void; children: ReactNode }) {
  const { sprint } = plan;
  const [closing, setClosing] = useState(false);
  const [carry, setCarry] = useState<'backlog' | 'next'>('backlog');
  return (
    <section className="sprint-card" aria-label={sprint.name} data-sprint={sprint.id}>
      <div className="sprint-head">
        <strong>
          <UserText text={sprint.name} max={60} />
        </strong>
        <span className="muted">
          {sprint.start} – {sprint.end} · {sprint.state}
        </span>
        {!session.readOnly && sprint.state === 'planned' && (
          <button type="button" className="button-secondary" onClick={() => session.act(() => startSprint(session.doc, sprint.id))}>
            Start
          </button>
        )}
        {!session.readOnly && (
          <button type="button" className="button-secondary" onClick={() => setClosing(!closing)}>
            Close…
          </button>
        )}
        {!session.readOnly && (
          <button type="button" className="icon-button" aria-label={`Delete ${sprint.name}`} title="Delete this sprint: its items go back to the product backlog" onClick={() => session.act(() => deleteSprint(session.doc, sprint.id, { by: session.me.name }))}>
            ×
          </button>
        )}
      </div>
      {sprint.goal && (
        <p className="sprint-goal">
          Goal: <UserText text={sprint.goal} max={200} />
        </p>
      )}
      <CapacityBar plan={plan} />
      {closing && (
        <div className="sprint-close" role="group" aria-label={`Close ${sprint.name}`}>
          <label>
            Unfinished items go
            <select value={carry} onChange={(event) => setCarry(event.target.value as 'backlog' | 'next')}>
              <option value="backlog">to the top of the backlog</option>
              {next && <option value="next">into {next.name}</option>}
            </select>
          </label>
          <button
            type="button"
            onClick={() => {
              const result = session.act(() => closeSprint(session.doc, sprint.id, orderedItems(session.doc), { carryTo: carry === 'next' && next ? next.id : null, by: session.me.name }));
              if (result) onDone(`Closed ${sprint.name}: ${result.donePoints} points done, ${result.carried.length} unfinished moved`);
            }}
          >
            Close the sprint
          </button>
        </div>
      )}
      {children}
      {!session.readOnly && (
        <div className="sprint-capacity-forms">
          <PeopleDays session={session} sprint={sprint} />
          <CapacityForm session={session} sprint={sprint} />
        </div>
      )}
    </section>
  );
}

function PeopleDays({ session, sprint }: { session: BoardSession; sprint: SprintSnapshot }) {
  const mine = sprint.people.find((person) => person.id === session.me.id);
  const [days, setDays] = useState(mine ? String(mine.days) : '');
  return (
    <form
      className="people-days"
      onSubmit={(event) => {
        event.preventDefault();
        session.act(() => setPersonDays(session.doc, sprint.id, { id: session.me.id, name: session.me.name }, Number(days) || 0));
      }}
    >
      <span className="muted">{sprint.people.map((person) => `${person.name} ${person.days} d`).join(' · ') || 'No one has entered their days yet.'}</span>
      <label>
        My days in this sprint
        <input type="number" min={0} max={366} step={0.5} value={days} onChange={(event) => setDays(event.target.value)} />
      </label>
      <button type="submit" className="button-secondary">
        Save
      </button>
    </form>
  );
}

/** The team's focus factor (the share of an available day that goes to sprint work), or a capacity entered directly in points. */
function CapacityForm({ session, sprint }: { session: BoardSession; sprint: SprintSnapshot }) {
  const [focus, setFocus] = useState(String(sprint.focusFactor));
  const [points, setPoints] = useState(sprint.capacityPoints === null ? '' : String(sprint.capacityPoints));
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="people-days"
      aria-label={`${sprint.name} capacity settings`}
      onSubmit={(event) => {
        event.preventDefault();
        const saved = session.attempt(() => updateSprint(session.doc, sprint.id, { focusFactor: Number(focus), capacityPoints: points.trim() === '' ? null : Number(points) }), setError);
        if (saved) setError(null);
      }}
    >
      <label>
        Focus factor
        <input type="number" min={0.05} max={1} step={0.05} value={focus} onChange={(event) => setFocus(event.target.value)} />
      </label>
      <label>
        or points
        <input type="number" min={0} step={0.5} placeholder="from days" value={points} onChange={(event) => setPoints(event.target.value)} />
      </label>
      <button type="submit" className="button-secondary">
        Set
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
