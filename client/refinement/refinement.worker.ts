/**
 * The refinement aids off the main thread: an incremental BM25F index of the
 * board's items (the duplicate finder) and the estimator built from its
 * estimated items. The page sends what changed (useRefinement.ts); queries
 * carry a number and get it back. The estimator is rebuilt, lazily, only
 * when an estimated item changed since the last suggestion.
 */
import { createEstimator, createSimilarityIndex, type EstimateSuggestion, type Estimator } from '../../shared/refinement/index.js';

export interface IndexedItem {
  id: string;
  title: string;
  description: string;
  acceptanceCriteria: string[];
  estimate: number | null;
  /** When it was created (ms): the estimator's backtest replays the history in that order. */
  createdAt: number;
}

export type RefinementRequest =
  | { type: 'sync'; upserts: IndexedItem[]; removes: string[] }
  | { type: 'similar'; seq: number; query: { title: string; description?: string }; k: number; exclude: string[] }
  | { type: 'suggest'; seq: number; item: { id: string; title: string; description: string } };

export type SimilarHit = { id: string; score: number; words: string[] };
export type RefinementReply =
  | { type: 'similar'; seq: number; hits: SimilarHit[] }
  | { type: 'suggest'; seq: number; suggestion: EstimateSuggestion }
  | { type: 'error'; seq: number; error: string };

const index = createSimilarityIndex();
const items = new Map<string, IndexedItem>();
let estimator: Estimator | null = null;

function currentEstimator(): Estimator {
  estimator ??= createEstimator(
    [...items.values()]
      .filter((item) => item.estimate !== null)
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
      .map((item) => ({ id: item.id, title: item.title, description: item.description, estimate: item.estimate! })),
  );
  return estimator;
}

function handle(request: RefinementRequest): RefinementReply | null {
  switch (request.type) {
    case 'sync':
      for (const id of request.removes) {
        if ((items.get(id)?.estimate ?? null) !== null) estimator = null;
        items.delete(id);
        index.remove(id);
      }
      for (const item of request.upserts) {
        if (item.estimate !== null || (items.get(item.id)?.estimate ?? null) !== null) estimator = null;
        items.set(item.id, item);
        index.add({ id: item.id, title: item.title, description: item.description, acceptanceCriteria: item.acceptanceCriteria });
      }
      return null;
    case 'similar': {
      const hits = index.similar(request.query, request.k, { exclude: request.exclude });
      return { type: 'similar', seq: request.seq, hits: hits.map((hit) => ({ ...hit, words: index.matches(request.query, hit.id) })) };
    }
    case 'suggest': {
      // The item itself, when it has an estimate, is part of the history: it is no reference for itself.
      return { type: 'suggest', seq: request.seq, suggestion: currentEstimator().suggest(request.item, { exclude: [request.item.id] }) };
    }
  }
}

self.onmessage = (event: MessageEvent<RefinementRequest>) => {
  try {
    const reply = handle(event.data);
    if (reply) self.postMessage(reply);
  } catch (error) {
    if (event.data.type !== 'sync') self.postMessage({ type: 'error', seq: event.data.seq, error: (error as Error).message } satisfies RefinementReply);
  }
};
