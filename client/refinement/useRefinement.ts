/**
 * One refinement worker per board (refinement.worker.ts), kept in step with
 * the items: each change sends only the items whose text or estimate
 * changed. `similar` and `suggest` answer through promises; if the worker
 * fails, what waits is rejected.
 */
import { createContext, useContext, useEffect, useMemo, useRef } from 'react';
import type { ItemSnapshot } from '../../shared/index.js';
import type { EstimateSuggestion } from '../../shared/index.js';
import type { IndexedItem, RefinementReply, RefinementRequest, SimilarHit } from './refinement.worker.js';

export interface Refinement {
  similar(query: { title: string; description?: string }, k: number, exclude?: string[]): Promise<SimilarHit[]>;
  /** `deck`: the point values to snap to (the numeric cards of the deck in use). */
  suggest(item: { id: string; title: string; description: string }, deck: number[]): Promise<EstimateSuggestion>;
}

const signature = (item: IndexedItem) => JSON.stringify([item.title, item.description, item.acceptanceCriteria, item.estimate]);
const indexed = (item: ItemSnapshot): IndexedItem => ({
  id: item.id,
  title: item.title,
  description: item.description,
  acceptanceCriteria: item.acceptanceCriteria.map((criterion) => criterion.text),
  estimate: typeof item.estimate === 'number' ? item.estimate : null,
  createdAt: item.createdAt ?? 0,
});

/** A request that waits for a reply, without its number (added when sent). */
type Asked = RefinementRequest extends infer R ? (R extends { seq: number } ? Omit<R, 'seq'> : never) : never;

export function useRefinementWorker(items: readonly ItemSnapshot[]): Refinement | null {
  const worker = useRef<Worker | null>(null);
  const sent = useRef(new Map<string, string>());
  /** The snapshot each item was last compared from. */
  const seen = useRef(new Map<string, ItemSnapshot>());
  const pending = useRef(new Map<number, { resolve: (reply: RefinementReply) => void; reject: (error: Error) => void }>());
  const seq = useRef(0);

  const api = useMemo<Refinement | null>(() => {
    if (typeof Worker === 'undefined') return null;
    const current = new Worker(new URL('./refinement.worker.ts', import.meta.url), { type: 'module' });
    current.onmessage = (event: MessageEvent<RefinementReply>) => {
      const waiting = pending.current.get(event.data.seq);
      pending.current.delete(event.data.seq);
      if (event.data.type === 'error') waiting?.reject(new Error(event.data.error));
      else waiting?.resolve(event.data);
    };
    current.onerror = (event) => {
      for (const waiting of pending.current.values()) waiting.reject(new Error(event.message || 'the refinement worker failed'));
      pending.current.clear();
    };
    worker.current = current;
    sent.current = new Map();
    seen.current = new Map();
    const ask = (request: Asked) =>
      new Promise<RefinementReply>((resolve, reject) => {
        const number = ++seq.current;
        pending.current.set(number, { resolve, reject });
        current.postMessage({ ...request, seq: number });
      });
    return {
      similar: async (query, k, exclude = []) => ((await ask({ type: 'similar', query, k, exclude })) as Extract<RefinementReply, { type: 'similar' }>).hits,
      suggest: async (item, deck) => ((await ask({ type: 'suggest', item, deck })) as Extract<RefinementReply, { type: 'suggest' }>).suggestion,
    };
  }, []);

  useEffect(() => () => worker.current?.terminate(), []);

  useEffect(() => {
    const current = worker.current;
    if (!current) return;
    const upserts: IndexedItem[] = [];
    const live = new Set<string>();
    for (const item of items) {
      // Archived items (merged duplicates among them) are not offered again.
      if (item.archived) continue;
      live.add(item.id);
      // The item cache keeps an unchanged item's snapshot: only the ones a change rebuilt are compared.
      if (seen.current.get(item.id) === item) continue;
      seen.current.set(item.id, item);
      const entry = indexed(item);
      const mark = signature(entry);
      if (sent.current.get(item.id) !== mark) {
        sent.current.set(item.id, mark);
        upserts.push(entry);
      }
    }
    const removes = [...sent.current.keys()].filter((id) => !live.has(id));
    removes.forEach((id) => {
      sent.current.delete(id);
      seen.current.delete(id);
    });
    if (upserts.length > 0 || removes.length > 0) current.postMessage({ type: 'sync', upserts, removes } satisfies RefinementRequest);
  }, [items, api]);

  return api;
}

export const RefinementContext = createContext<Refinement | null>(null);
export const useRefinement = () => useContext(RefinementContext);
