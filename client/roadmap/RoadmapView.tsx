/**
 * The roadmap: themes and their epics on a timeline of coming sprints, laid
 * out by the board's forecast (not drawn by hand), so a reorder of the
 * backlog moves it. Each epic shows its progress and when it is likely (50 %)
 * and almost surely (85 %) done; done epics are folded away at the end.
 * Read-only: it writes nothing, so viewers (a view-only invite, the link
 * `?view=roadmap`) see it as everyone does. Exports as Markdown or an image.
 */
import { useMemo } from 'react';
import { roadmap, type ItemSnapshot, type SprintSnapshot } from '../../shared/index.js';
import type { PlanFigures, PlanForecast } from '../planning/planFigures.js';
import type { BoardSession } from '../session/BoardSession.js';
import { useBoardTitle } from '../session/useBoardSession.js';
import { assumptionsText } from './assumptions.js';
import { DoneEpics } from './DoneEpics.js';
import { splitDone } from './layout.js';
import { RoadmapExport } from './RoadmapExport.js';
import { RoadmapTimeline } from './RoadmapTimeline.js';
import { useRoadmapOptions } from './useRoadmapOptions.js';

interface RoadmapProps {
  session: BoardSession;
  items: readonly ItemSnapshot[];
  plan: PlanFigures;
  forecast: PlanForecast | undefined;
  sprints: readonly SprintSnapshot[];
  onOpen: (id: string) => void;
}

export function RoadmapView({ session, items, plan, forecast, sprints, onOpen }: RoadmapProps) {
  const boardName = useBoardTitle(session);
  const options = useRoadmapOptions(session.clock.now());
  const map = useMemo(() => (forecast === undefined ? null : roadmap(items, sprints, forecast, options)), [items, sprints, forecast, options]);
  const assumptions = assumptionsText(plan);
  if (map === null) return <section className="roadmap" aria-label="Roadmap" aria-busy="true" />;
  const { themes, done } = splitDone(map);
  return (
    <section className="roadmap" aria-label="Roadmap" aria-busy={forecast === undefined}>
      <div className="roadmap-head">
        <p className="roadmap-note">
          {map.forecast && (
            <span className="roadmap-legend" aria-hidden="true">
              <span className="roadmap-key" /> likely (50 %) <span className="roadmap-key roadmap-key-safe" /> almost surely (85 %) ·{' '}
            </span>
          )}
          <span data-assumptions>{assumptions}</span>
        </p>
        <RoadmapExport map={map} boardName={boardName} today={options.today} assumptions={assumptions} />
      </div>
      {themes.length === 0 ? (
        <p className="empty">{done.length === 0 ? 'No epics yet. Items of the epic kind (or with items under them) show here, grouped under the themes above them.' : 'Every epic is done.'}</p>
      ) : (
        <RoadmapTimeline map={map} themes={themes} today={options.today} onOpen={onOpen} />
      )}
      <DoneEpics rows={done} onOpen={onOpen} />
    </section>
  );
}
