/**
 * Column headers over the list, on the same grid as the rows (styles.css,
 * --row-columns). Hidden from screen readers: each row says what it is.
 */
import { ScoreHeaderCells } from '../prioritization/ScoreColumns.js';

export function BacklogHeader() {
  return (
    <div className="backlog-header" aria-hidden="true">
      <span />
      <span>Type</span>
      <span>Title</span>
      <span>Priority</span>
      <span>Status</span>
      <span className="numeric">Points</span>
      <ScoreHeaderCells />
      <span />
    </div>
  );
}
