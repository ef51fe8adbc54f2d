/**
 * The board's items most like some text, asked of the refinement worker a
 * moment after the text stops changing: only items still on the board and
 * not archived (the worker may not have heard yet of one archived or merged
 * a moment ago). `minCoverage` keeps only items that contain at least that
 * share of the title's words: a list shown while someone types must not
 * fill with items that share one common word.
 */
import type { ItemSnapshot } from '../../shared/index.js';
import { useAsk } from './useAsk.js';
import { useRefinement } from './useRefinement.js';
import type { SimilarHit } from './refinement.worker.js';

export interface SimilarQuery {
  title: string;
  description?: string;
  k: number;
  exclude?: string[];
  minCoverage?: number;
  byId: ReadonlyMap<string, ItemSnapshot>;
}

export function useSimilar({ title, description = '', k, exclude = [], minCoverage = 0, byId }: SimilarQuery): { available: boolean; hits: SimilarHit[] | undefined; error: string | null } {
  const refinement = useRefinement();
  const asking = refinement !== null && title.trim() !== '';
  // Filtering by coverage after the top k would drop a full match ranked just below k short partial ones: ask for more.
  const asked = minCoverage > 0 ? Math.max(30, k * 10) : k;
  const { value, error } = useAsk(asking ? () => refinement.similar({ title, description }, asked, exclude) : null, [title, description, asked, ...exclude].join('\u0000'));
  const live = (hit: SimilarHit) => hit.coverage >= minCoverage && byId.get(hit.id)?.archived === false;
  return { available: refinement !== null, hits: asking ? value?.filter(live).slice(0, k) : [], error };
}
