/** Display names for the model's values. */
import type { ItemKind, ItemStatus, Priority, ReadinessGap } from '../../shared/index.js';

export const KIND_LABELS: Record<ItemKind, string> = {
  story: 'Story',
  epic: 'Epic',
  theme: 'Theme',
  bug: 'Bug',
  task: 'Task',
  spike: 'Spike',
  'tech-debt': 'Tech debt',
  enhancement: 'Enhancement',
  research: 'Research',
  compliance: 'Compliance',
};

export const STATUS_LABELS: Record<ItemStatus, string> = {
  new: 'New',
  refining: 'Refining',
  'needs-info': 'Needs info',
  ready: 'Ready',
  'in-progress': 'In progress',
  done: 'Done',
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  must: 'Must',
  should: 'Should',
  could: 'Could',
  wont: "Won't",
};

/** What an item still needs, in words short enough for a row. */
const NEEDS: Record<ReadinessGap, string> = {
  'no-acceptance-criteria': 'acceptance criteria',
  'no-estimate': 'estimate',
  'estimate-too-large': 'splitting (estimate over the limit)',
  'no-priority': 'priority',
  'no-description': 'description',
  'open-questions': 'answers to open questions',
};

/** "Needs acceptance criteria, estimate", or '' when nothing is missing. */
export function needsText(gaps: readonly ReadinessGap[]): string {
  return gaps.length === 0 ? '' : `Needs ${gaps.map((gap) => NEEDS[gap]).join(', ')}`;
}
