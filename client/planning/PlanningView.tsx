/**
 * Planning: the velocity, the open sprints with what they hold against
 * their capacity, and the forms to plan a sprint, enter a person's days or a
 * past sprint's velocity, and close a sprint. Items move into a sprint from
 * the backlog (selection bar or the item panel) and back from here.
 */
import { Suspense, lazy, useState } from 'react';
import { addPastSprint, assignToSprint, closeSprint, createSprint, orderedItems, setPersonDays, setPlanning, setSprintExcluded, startSprint, type SprintSnapshot } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { UserText } from '../ui/UserText.js';
import type { PlanFigures, SprintPlan } from './planFigures.js';

const round = (value: number) => String(Math.round(value * 10) / 10);
const VelocityChart = lazy(() => import('./VelocityChart.js').then((module) => ({ default: module.VelocityChart })));

/** Closed sprints with their points, each of which the team can leave out of the velocity (an unusual sprint). */
function ClosedSprints({ session, sprints }: { session: BoardSession; sprints: readonly SprintSnapshot[] }) {
  const closed = sprints.filter((sprint) => sprint.state === 'closed' && sprint.donePoints !== null);
  if (closed.length === 0) return null;
  return (
    <ul className="closed-sprints" aria-label="Closed sprints">
      {closed.map((sprint) => (
        <li key={sprint.id}>
          <label className="checkbox">
            <input type="checkbox" checked={!sprint.excluded} disabled={session.readOnly} onChange={(event) => session.act(() => setSprintExcluded(session.doc, sprint.id, !event.target.checked))} />
            <UserText text={sprint.name} max={40} /> · {sprint.donePoints} points
          </label>
        </li>
      ))}
    </ul>
  );
}

export function PlanningView({ session, figures, sprints, onOpen, onDone }: { session: BoardSession; figures: PlanFigures; sprints: readonly SprintSnapshot[]; onOpen: (id: string) => void; onDone: (text: string) => void }) {
  const v = figures.velocity;
  return (
    <section className="planning" aria-label="Planning">
      <section className="velocity" aria-label="Velocity">
        <h3 className="section-title">Velocity</h3>
        {v.basis === 'history' ? (
          <p data-velocity={round(v.mean!)}>
            <strong>{round(v.mean!)} points</strong> a sprint on average over the last {v.sprints.length} ({v.sprints.map((sprint) => sprint.points).join(', ')}; range {v.min}–{v.max})
            {v.excluded.length > 0 && <span className="muted"> · left out: {v.excluded.map((sprint) => sprint.name).join(', ')}</span>}
          </p>
        ) : (
          <p className="muted">No sprint has closed yet{v.basis === 'expected' ? `: planning with the expected ${round(v.mean!)} points a sprint` : ': enter an expected velocity or past sprints'}.</p>
        )}
        {sprints.some((sprint) => sprint.state === 'closed') && (
          <Suspense fallback={<div className="velocity-chart" />}>
            <VelocityChart sprints={sprints} mean={v.basis === 'history' ? v.mean : null} />
          </Suspense>
        )}
        <ClosedSprints session={session} sprints={sprints} />
        {!session.readOnly && <HistoryForms session={session} />}
      </section>
      {figures.open.map((plan) => (
        <SprintCard key={plan.sprint.id} session={session} plan={plan} late={figures.lateDependencies} next={sprints.find((sprint) => sprint.state === 'planned' && sprint.id !== plan.sprint.id && sprint.start >= plan.sprint.start) ?? null} onOpen={onOpen} onDone={onDone} />
      ))}
      {!session.readOnly && <NewSprintForm session={session} />}
    </section>
  );
}

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

function SprintCard({ session, plan, late, next, onOpen, onDone }: { session: BoardSession; plan: SprintPlan; late: ReadonlyMap<string, string[]>; next: SprintSnapshot | null; onOpen: (id: string) => void; onDone: (text: string) => void }) {
  const { sprint } = plan;
  const [closing, setClosing] = useState(false);
  const [carry, setCarry] = useState<'backlog' | 'next'>('backlog');
  const me = session.me;
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
      </div>
      {sprint.goal && <p className="sprint-goal">Goal: <UserText text={sprint.goal} max={200} /></p>}
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
              const result = session.act(() => closeSprint(session.doc, sprint.id, orderedItems(session.doc), { carryTo: carry === 'next' && next ? next.id : null, by: me.name }));
              if (result) onDone(`Closed ${sprint.name}: ${result.donePoints} points done, ${result.carried.length} unfinished moved`);
            }}
          >
            Close the sprint
          </button>
        </div>
      )}
      <ol className="sprint-items">
        {plan.items.map((item) => (
          <li key={item.id} data-item-id={item.id}>
            <button type="button" className="link-button sprint-item-title" onClick={() => onOpen(item.id)}>
              <UserText text={item.title || 'Untitled'} max={80} />
            </button>
            <span className="muted">{item.estimate ?? '–'}</span>
            {item.sprintBy && <span className="muted sprint-by">by {item.sprintBy}</span>}
            {late.has(item.id) && (
              <span className="row-waits" data-late={item.id}>
                waits for <UserText text={late.get(item.id)!.join(', ')} max={50} />, not planned before this sprint
              </span>
            )}
            {!session.readOnly && (
              <button type="button" className="icon-button" aria-label={`Back to the backlog: ${item.title}`} title="Back to the backlog" onClick={() => session.act(() => assignToSprint(session.doc, [item.id], null, { by: me.name }))}>
                ↩
              </button>
            )}
          </li>
        ))}
        {plan.items.length === 0 && <li className="muted">Nothing committed yet: select items in the backlog and choose “Move to sprint”.</li>}
      </ol>
      {!session.readOnly && <PeopleDays session={session} sprint={sprint} />}
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

function NewSprintForm({ session }: { session: BoardSession }) {
  const [fields, setFields] = useState({ name: '', goal: '', start: '', end: '', capacity: '' });
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<typeof fields>) => setFields((current) => ({ ...current, ...patch }));
  return (
    <form
      className="new-sprint"
      aria-label="Plan a sprint"
      onSubmit={(event) => {
        event.preventDefault();
        const made = session.actUndoable(
          () => createSprint(session.doc, { name: fields.name, goal: fields.goal, start: fields.start, end: fields.end, ...(fields.capacity.trim() ? { capacityPoints: Number(fields.capacity) } : {}) }),
          setError,
        );
        if (made) {
          setFields({ name: '', goal: '', start: '', end: '', capacity: '' });
          setError(null);
        }
      }}
    >
      <h3 className="section-title">Plan a sprint</h3>
      <div className="new-sprint-fields">
        <input className="text-input" aria-label="Sprint name" placeholder="Name" value={fields.name} onChange={(event) => set({ name: event.target.value })} required />
        <input className="text-input" aria-label="Sprint goal" placeholder="Goal" value={fields.goal} onChange={(event) => set({ goal: event.target.value })} />
        <input className="text-input" type="date" aria-label="Starts" value={fields.start} onChange={(event) => set({ start: event.target.value })} required />
        <input className="text-input" type="date" aria-label="Ends" value={fields.end} onChange={(event) => set({ end: event.target.value })} required />
        <input className="text-input" type="number" min={0} aria-label="Capacity in points" placeholder="Capacity (points)" value={fields.capacity} onChange={(event) => set({ capacity: event.target.value })} />
        <button type="submit">Plan</button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function HistoryForms({ session }: { session: BoardSession }) {
  const [past, setPast] = useState({ name: '', end: '', points: '' });
  const [expected, setExpected] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="history-forms">
      <form
        aria-label="Add a past sprint"
        onSubmit={(event) => {
          event.preventDefault();
          const end = past.end;
          const start = end ? new Date(Date.parse(`${end}T00:00:00Z`) - 13 * 86_400_000).toISOString().slice(0, 10) : '';
          const made = session.actUndoable(() => addPastSprint(session.doc, { name: past.name, start, end, donePoints: Number(past.points) }), setError);
          if (made) setPast({ name: '', end: '', points: '' });
        }}
      >
        <input className="text-input" aria-label="Past sprint name" placeholder="Past sprint" value={past.name} onChange={(event) => setPast({ ...past, name: event.target.value })} required />
        <input className="text-input" type="date" aria-label="Past sprint ended" value={past.end} onChange={(event) => setPast({ ...past, end: event.target.value })} required />
        <input className="text-input" type="number" min={0} aria-label="Points done" placeholder="Points done" value={past.points} onChange={(event) => setPast({ ...past, points: event.target.value })} required />
        <button type="submit" className="button-secondary">
          Add
        </button>
      </form>
      <form
        aria-label="Expected velocity"
        onSubmit={(event) => {
          event.preventDefault();
          session.attempt(() => setPlanning(session.doc, 'expectedVelocity', expected.trim() === '' ? null : Number(expected)), setError);
        }}
      >
        <input className="text-input" type="number" min={0} aria-label="Expected points a sprint" placeholder="Expected points a sprint" value={expected} onChange={(event) => setExpected(event.target.value)} />
        <button type="submit" className="button-secondary">
          Set
        </button>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
