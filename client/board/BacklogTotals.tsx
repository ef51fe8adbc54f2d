/** Under the list: what the shown items add up to (totals.ts), on the rows' grid so the points line up. */
import { memo } from 'react';
import type { ItemSnapshot } from '../../shared/index.js';
import { totals } from './totals.js';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** Memoized: the board re-renders on every presence change, the shown items change far less often. */
export const BacklogTotals = memo(function BacklogTotals({ items, filtered }: { items: readonly ItemSnapshot[]; filtered: boolean }) {
  const sum = totals(items);
  const cards = [...sum.cards].map(([card, count]) => `${count} sized ${card}`);
  return (
    <div className="backlog-totals" role="status" aria-label={filtered ? 'Totals of the items shown' : 'Totals'}>
      <span className="totals-what">
        {plural(sum.items, 'item')}
        {filtered && <span className="muted"> shown</span>}
      </span>
      <span className="totals-details muted">
        {[...cards, sum.unestimated > 0 ? `${sum.unestimated} not estimated` : ''].filter(Boolean).join(' · ')}
      </span>
      <span className="totals-points numeric">{plural(sum.points, 'point')}</span>
      <span />
    </div>
  );
});
