/** Display names for the model's values. */
import type { ItemKind, ItemStatus, Priority } from '../../shared/index.js';

export const KIND_LABELS: Record<ItemKind, string> = {
  story: 'Story',
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
