/** The board's values in the words trackers use (the inverse of import/fields.ts). */
import type { ItemKind, ItemStatus, Priority } from '../schema.js';

export const JIRA_TYPE: Record<ItemKind, string> = {
  story: 'Story',
  epic: 'Epic',
  theme: 'Initiative',
  bug: 'Bug',
  task: 'Task',
  spike: 'Spike',
  'tech-debt': 'Technical debt',
  enhancement: 'Improvement',
  research: 'Research',
  compliance: 'Compliance',
};

export const JIRA_STATUS: Record<ItemStatus, string> = {
  new: 'To Do',
  refining: 'In Refinement',
  'needs-info': 'Needs Info',
  ready: 'Ready',
  'in-progress': 'In Progress',
  done: 'Done',
};

export const JIRA_PRIORITY: Record<Priority, string> = { must: 'Highest', should: 'High', could: 'Medium', wont: 'Low' };

export const MOSCOW: Record<Priority, string> = { must: 'Must', should: 'Should', could: 'Could', wont: "Won't" };
