/**
 * The health view: in one glance, how much of the top of the backlog meets
 * the definition of ready, what to groom next, what lacks a priority or an
 * estimate, how old the items are, how the backlog grew, and the stale-item
 * review. The definition of ready is edited here, for the whole board.
 */
import { Suspense, lazy, useContext, useEffect, useMemo, useState } from 'react';
import { backlogHealth, staleItems, type Framework, type ItemSnapshot } from '../../shared/index.js';
import { needsText } from '../board/labels.js';
import type { BoardSession } from '../session/BoardSession.js';
import { UserText } from '../ui/UserText.js';
import { DefinitionEditor } from './DefinitionEditor.js';
import { ReadinessContext } from './ReadinessContext.js';
import { StaleReview } from './StaleReview.js';
import { useHealthSettings } from './useHealthSettings.js';

const AgeChart = lazy(() => import('./HealthCharts.js').then((module) => ({ default: module.AgeChart })));
const SizeChart = lazy(() => import('./HealthCharts.js').then((module) => ({ default: module.SizeChart })));
/** Outside the board's readiness context there are no questions; one map, so the memo below holds. */
const NO_QUESTIONS: ReadonlyMap<string, number> = new Map();

interface HealthProps {
  session: BoardSession;
  items: readonly ItemSnapshot[];
  frameworks: readonly Framework[];
  onOpen: (id: string) => void;
  onDone: (text: string, undo: () => boolean) => void;
}

export function HealthView({ session, items, frameworks, onOpen, onDone }: HealthProps) {
  const { definition, top, staleDays } = useHealthSettings(session.doc);
  // The board's open questions, as the rows get them, so both agree on what is ready
  const { openQuestions = NO_QUESTIONS } = useContext(ReadinessContext);
  const minute = useMinute();
  const now = session.clock.now();
  // Recomputed when the board changes, and once a minute (ages and staleness move with the clock).
  const health = useMemo(() => backlogHealth(items, { definition, frameworks, top, now, openQuestions }), [items, definition, frameworks, top, openQuestions, minute]); // eslint-disable-line react-hooks/exhaustive-deps
  const stale = useMemo(() => staleItems(items, { now, days: staleDays }), [items, staleDays, minute]); // eslint-disable-line react-hooks/exhaustive-deps
  const share = health.top.length === 0 ? 0 : Math.round((health.topReady / health.top.length) * 100);
  return (
    <section className="health" aria-label="Backlog health">
      <div className="health-figures">
        <Figure name="Top of the backlog ready" value={`${health.topReady} of ${health.top.length}`} note={`${share}% of the next ${health.top.length} items meet the definition of ready`} tone={share >= 80 ? 'ok' : share >= 50 ? 'warn' : 'bad'} />
        <Figure name="Open items" value={String(health.open)} note={health.open >= 500 ? 'A backlog this long is hard to keep refined: review stale items' : 'Neither done nor archived'} tone={health.open >= 500 ? 'warn' : 'ok'} />
        <Figure name="Without priority" value={String(health.withoutPriority.length)} note="No MoSCoW priority and no score" tone={health.withoutPriority.length === 0 ? 'ok' : 'warn'} />
        <Figure name="Not estimated" value={String(health.withoutEstimate.length)} note="Open items without an estimate" tone={health.withoutEstimate.length === 0 ? 'ok' : 'warn'} />
        <Figure name="Stale" value={String(stale.length)} note={`Not changed for ${staleDays} days`} tone={stale.length === 0 ? 'ok' : 'warn'} />
      </div>
      <div className="health-columns">
        <section aria-label="Groom next" className="groom-next">
          <h3 className="section-title">Groom next</h3>
          {health.groomNext.length === 0 ? (
            <p className="muted">Every open item meets the definition of ready.</p>
          ) : (
            <ol>
              {health.groomNext.map(({ item, gaps }) => (
                <li key={item.id} data-item-id={item.id}>
                  <button type="button" className="link-button" onClick={() => onOpen(item.id)}>
                    <UserText text={item.title || 'Untitled'} max={70} />
                  </button>
                  <span className="row-gaps">{needsText(gaps)}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
        <DefinitionEditor session={session} definition={definition} top={top} staleDays={staleDays} />
      </div>
      <div className="health-columns">
        <section aria-label="Age of open items">
          <h3 className="section-title">Age of open items</h3>
          <Suspense fallback={<div className="health-chart" />}>
            <AgeChart ages={health.ages} />
          </Suspense>
        </section>
        <section aria-label="Backlog size">
          <h3 className="section-title">Backlog size, last 26 weeks</h3>
          <Suspense fallback={<div className="health-chart" />}>
            <SizeChart sizes={health.sizeOverTime} />
          </Suspense>
          <p className="muted chart-note">Done and archived items count until their last change: the board does not record when an item closed.</p>
        </section>
      </div>
      <StaleReview session={session} stale={stale} now={now} onOpen={onOpen} onDone={onDone} />
    </section>
  );
}

/** A number that changes once a minute. */
function useMinute(): number {
  const [minute, setMinute] = useState(() => Math.floor(Date.now() / 60_000));
  useEffect(() => {
    const timer = setInterval(() => setMinute(Math.floor(Date.now() / 60_000)), 60_000);
    return () => clearInterval(timer);
  }, []);
  return minute;
}

function Figure({ name, value, note, tone }: { name: string; value: string; note: string; tone: 'ok' | 'warn' | 'bad' }) {
  return (
    <div className={`figure figure-${tone}`} data-figure={name}>
      <span className="figure-name">{name}</span>
      <strong className="figure-value">{value}</strong>
      <span className="figure-note">{note}</span>
    </div>
  );
}
