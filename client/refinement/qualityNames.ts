/** Each story-quality check's name as people read it (shared/refinement/quality.ts). Types only from the model: no NLP in this module. */
import type { QualityCheck } from '../../shared/refinement/index.js';

export const CHECK_NAMES: Readonly<Record<QualityCheck, string>> = {
  'well-formed': 'Not written as a story',
  'no-benefit': 'No benefit',
  atomic: 'Several goals at once',
  minimal: 'More than the story in the title',
  uniform: 'Differs from the board’s form',
  unique: 'Same as another item',
  'vague-words': 'Vague words',
  'no-acceptance-criteria': 'No acceptance criteria',
  'untestable-criteria': 'Criteria not testable',
  'estimate-too-large': 'Estimate above the limit',
  'bug-no-steps': 'No steps to reproduce',
  'bug-no-expected-actual': 'No expected and actual behaviour',
  'spike-no-question': 'No question',
  'spike-no-timebox': 'No time box',
  'task-not-actionable': 'Not an action',
};
