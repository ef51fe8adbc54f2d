/**
 * Planning: the sprint board (the product backlog beside the open sprints,
 * items dragged between them), the velocity with its history, and the forms
 * to plan a sprint and enter past sprints or an expected velocity.
 */
import { Suspense, lazy, useState } from 'react';
import { addPastSprint, createSprint, deleteSprint, setPlanning, setSprintExcluded, type ItemSnapshot, type SprintSnapshot } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { UserText } from '../ui/UserText.js';
import type { PlanFigures, PlanForecast } from './planFigures.js';
import { SprintBoard } from './SprintBoard.js';

const round = (value: number) => String(Math.round(value * 10) / 10);
const VelocityChart = lazy(() => import('./VelocityChart.js').then((module) => ({ default: module.VelocityChart })));
const BurnupCharts = lazy(() => import('./BurnupCharts.js').then((module) => ({ default: module.BurnupCharts })));

/** Closed sprints with their points, each of which the team can leave out of the velocity (an unusual sprint). */
function ClosedSprints({ session, sprints }: { session: BoardSession; sprints: readonly SprintSnapshot[] }) {
  const closed = sprints.filter((sprint) => sprint.state === 'closed' && sprint.donePoints !== null).sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
  if (closed.length === 0) return null;
  return (
    <ul className="closed-sprints" aria-label="Closed sprints">
      {closed.map((sprint) => (
        <li key={sprint.id}>
          <label className="checkbox">
            <input type="checkbox" checked={!sprint.excluded} disabled={session.readOnly} onChange={(event) => session.act(() => setSprintExcluded(session.doc, sprint.id, !event.target.checked))} />
            <UserText text={sprint.name} max={40} /> · {sprint.donePoints} points
          </label>
          {!session.readOnly && (
            <button type="button" className="icon-button" aria-label={`Delete ${sprint.name}`} title="Delete this sprint (a mistaken one): its points leave the velocity" onClick={() => session.act(() => deleteSprint(session.doc, sprint.id, { by: session.me.name }))}>
              ×
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

export interface PlanningViewProps {
  session: BoardSession;
  items: readonly ItemSnapshot[];
  figures: PlanFigures;
  /** The board's forecast (usePlanForecast): the release burn-up draws its range. */
  forecast: PlanForecast | undefined;
  sprints: readonly SprintSnapshot[];
  onOpen: (id: string) => void;
  onDone: (text: string) => void;
}

export function PlanningView({ session, items, figures, forecast, sprints, onOpen, onDone }: PlanningViewProps) {
  const v = figures.velocity;
  return (
    <section className="planning" aria-label="Planning">
      <SprintBoard session={session} items={items} figures={figures} sprints={sprints} onOpen={onOpen} onDone={onDone}>
        {!session.readOnly && <NewSprintForm session={session} />}
      </SprintBoard>
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
        {sprints.some((sprint) => sprint.state !== 'planned') && (
          <Suspense fallback={<div className="burnups" />}>
            <BurnupCharts plan={figures} sprints={sprints} covered={forecast?.covered ?? null} />
          </Suspense>
        )}
        <ClosedSprints session={session} sprints={sprints} />
        {!session.readOnly && <HistoryForms session={session} />}
      </section>
    </section>
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
