/**
 * The refinement aids off the main thread: an incremental BM25F index of the
 * board's items (the duplicate finder) and the estimator built from its
 * estimated items. The page sends what changed (useRefinement.ts); queries
 * carry a number and get it back. The estimator is rebuilt, lazily, only
 * when an estimated item changed since the last suggestion.
 */
import { createEstimator, createSimilarityIndex, retrievalWords, type EstimateSuggestion, type Estimator } from '../../shared/refinement/index.js';

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
  | { type: 'suggest'; seq: number; item: { id: string; title: string; description: string }; deck: number[] };

export interface SimilarHit {
  id: string;
  score: number;
  /** The query's words, as typed, that the item contains (anywhere). */
  words: string[];
  /** The item's own title words, as written there, that matched: they are marked in its title. */
  titleWords: string[];
  /** The matched query words found only in the item's description or criteria. */
  bodyWords: string[];
  /** The share (0–1) of the query title's distinct terms the item contains: the typed-title and inbox lists show only close ones. */
  coverage: number;
}
export type RefinementReply =
  | { type: 'similar'; seq: number; hits: SimilarHit[] }
  | { type: 'suggest'; seq: number; suggestion: EstimateSuggestion }
  | { type: 'error'; seq: number; error: string };

const index = createSimilarityIndex();
const items = new Map<string, IndexedItem>();
let estimator: { deck: string; estimator: Estimator } | null = null;

/** The estimator over the estimated items, snapping to `deck` (its backtest too); rebuilt when either changed. */
function currentEstimator(deck: number[]): Estimator {
  const key = deck.join(' ');
  if (estimator?.deck !== key) {
    const history = [...items.values()]
      .filter((item) => item.estimate !== null)
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
      .map((item) => ({ id: item.id, title: item.title, description: item.description, estimate: item.estimate! }));
    estimator = { deck: key, estimator: createEstimator(history, { deck }) };
  }
  return estimator.estimator;
}

/**
 * Which words matched where, for highlighting, and how much of the typed
 * title each hit covers. The query is read once for all hits.
 */
function explain(query: { title: string; description?: string }, hits: { id: string; score: number }[]): SimilarHit[] {
  const asked = retrievalWords(query.title);
  const titleTerms = new Set(asked.map((word) => word.term));
  // `matches` gives the query's words as written (the first of each): their terms, without reading them again.
  const termOf = new Map<string, string>();
  for (const word of [...asked, ...retrievalWords(query.description ?? '')]) if (!termOf.has(word.word)) termOf.set(word.word, word.term);
  return hits.map((hit) => {
    const words = index.matches(query, hit.id);
    const matchedTerms = new Set(words.map((word) => termOf.get(word)));
    const title = retrievalWords(items.get(hit.id)?.title ?? '');
    const inTitle = new Set(title.filter((word) => matchedTerms.has(word.term)).map((word) => word.term));
    return {
      ...hit,
      words,
      titleWords: [...new Set(title.filter((word) => inTitle.has(word.term)).map((word) => word.word))],
      bodyWords: words.filter((word) => !inTitle.has(termOf.get(word) ?? '')),
      coverage: titleTerms.size === 0 ? 0 : [...titleTerms].filter((term) => matchedTerms.has(term)).length / titleTerms.size,
    };
  });
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
      return { type: 'similar', seq: request.seq, hits: explain(request.query, hits) };
    }
    case 'suggest': {
      // The item itself, when it has an estimate, is part of the history: it is no reference for itself.
      return { type: 'suggest', seq: request.seq, suggestion: currentEstimator(request.deck).suggest(request.item, { exclude: [request.item.id] }) };
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
