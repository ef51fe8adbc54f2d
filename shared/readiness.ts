/**
 * Whether an item looks ready to be taken into a sprint: the gaps a
 * refinement meeting closes, against the board's definition of ready
 * (health/settings.ts). A hint for people, not a rule the model enforces.
 */
import type { ItemSnapshot } from './snapshot.js';
import type { DefinitionOfReady } from './health/settings.js';
import { scoreItem, type Framework } from './prioritization/frameworks.js';

export type ReadinessGap = 'no-acceptance-criteria' | 'no-estimate' | 'estimate-too-large' | 'no-priority' | 'no-description' | 'open-questions';

/** What callers that know no definition of ready check: criteria, an estimate, a description. */
const BASIC: DefinitionOfReady = { acceptanceCriteria: true, estimate: true, maxEstimate: null, priority: false, description: true, openQuestions: true };

export interface ReadinessContext {
  definition?: DefinitionOfReady;
  /** The board's frameworks: a score in any of them counts as prioritized. */
  frameworks?: readonly Framework[];
  /** Item id -> open questions in its comments (discussion/comments.ts openQuestions). */
  openQuestions?: ReadonlyMap<string, number>;
}

/** The gaps of an open item, most important first; none for items that are done or archived. */
export function readinessGaps(item: ItemSnapshot, context: ReadinessContext = {}): ReadinessGap[] {
  if (item.archived || item.status === 'done') return [];
  const definition = context.definition ?? BASIC;
  const gaps: ReadinessGap[] = [];
  if (definition.acceptanceCriteria && item.acceptanceCriteria.length === 0) gaps.push('no-acceptance-criteria');
  if (definition.estimate && item.estimate === null) gaps.push('no-estimate');
  if (definition.maxEstimate !== null && typeof item.estimate === 'number' && item.estimate > definition.maxEstimate) gaps.push('estimate-too-large');
  if (definition.priority && !prioritized(item, context.frameworks ?? [])) gaps.push('no-priority');
  if (definition.description && item.description.trim() === '') gaps.push('no-description');
  if (definition.openQuestions && (context.openQuestions?.get(item.id) ?? 0) > 0) gaps.push('open-questions');
  return gaps;
}

function prioritized(item: ItemSnapshot, frameworks: readonly Framework[]): boolean {
  if (item.priority !== null) return true;
  return frameworks.some((framework) => framework !== 'moscow' && scoreItem(framework, item).value !== null);
}
