/**
 * One column per scoring framework in the backlog list, on the rows' grid:
 * the score, and on hover how it was computed. The columns come from a
 * context so that rows (memoized, virtualized) need no extra props.
 */
import { createContext, useContext } from 'react';
import { FRAMEWORK_NAMES, formatScore, scoreItem, type Framework, type ItemSnapshot } from '../../shared/index.js';

export const ScoreColumnsContext = createContext<readonly Framework[]>([]);

const COLUMN_WIDTH = '3.6rem';
/** Short enough for the column: 60000 shows as 60K (the hover has the exact figure). */
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

export function shortScore(value: number): string {
  return Math.abs(value) >= 10_000 ? compact.format(value) : formatScore(value);
}

/** The grid tracks the score columns add (a CSS value for --score-columns). */
export function scoreColumnTracks(frameworks: readonly Framework[]): string {
  return frameworks.map(() => COLUMN_WIDTH).join(' ');
}

export function ScoreHeaderCells() {
  const frameworks = useContext(ScoreColumnsContext);
  return frameworks.map((framework) => (
    <span key={framework} className="numeric" data-score-header={framework}>
      {FRAMEWORK_NAMES[framework]}
    </span>
  ));
}

export function ScoreCells({ item }: { item: ItemSnapshot }) {
  const frameworks = useContext(ScoreColumnsContext);
  return frameworks.map((framework) => {
    const score = scoreItem(framework, item);
    return (
      <span key={framework} className="score numeric" data-score={framework} title={score.explanation}>
        {score.value === null ? '' : shortScore(score.value)}
      </span>
    );
  });
}
