/**
 * In the item panel, for an epic or theme (or any item others belong to):
 * "12 of 30 points done · 3 ready · likely done by 10 Jan 2027 (85 %: 24 Jan
 * 2027)", the same figures as its row on the roadmap.
 */
import { useMemo } from 'react';
import { progressText, roadmapLine, roadmapRow, type ItemSnapshot, type SprintSnapshot } from '../../shared/index.js';
import type { PlanForecast } from '../planning/planFigures.js';
import { useRoadmapOptions } from './useRoadmapOptions.js';

export function EpicProgressLine({ itemId, items, sprints, forecast }: { itemId: string; items: readonly ItemSnapshot[]; sprints: readonly SprintSnapshot[]; forecast: PlanForecast | undefined }) {
  const options = useRoadmapOptions(Date.now());
  const row = useMemo(() => roadmapRow(items, sprints, forecast ?? null, itemId, options), [items, sprints, forecast, itemId, options]);
  if (row === null) return null;
  const text = forecast === undefined ? `${progressText(row.progress, { done: true })} · forecasting…` : roadmapLine(row, { sprints: [], forecast: forecast !== null });
  return (
    <p className="epic-progress-line" data-epic-progress={row.id} data-epic-likely={row.likelyDate ?? row.state}>
      <strong>Progress:</strong> {text}
    </p>
  );
}
