/**
 * Whether an item looks ready to be taken into a sprint: the usual gaps a
 * refinement meeting closes. A hint for people, not a rule the model enforces.
 */
import type { ItemSnapshot } from './snapshot.js';

export type ReadinessGap = 'no-description' | 'no-acceptance-criteria' | 'no-estimate';

/** The gaps of an open item, most important first; none for items that are done or archived. */
export function readinessGaps(item: ItemSnapshot): ReadinessGap[] {
  if (item.archived || item.status === 'done') return [];
  const gaps: ReadinessGap[] = [];
  if (item.acceptanceCriteria.length === 0) gaps.push('no-acceptance-criteria');
  if (item.estimate === null) gaps.push('no-estimate');
  if (item.description.trim() === '') gaps.push('no-description');
  return gaps;
}
