/**
 * Under the composer, while someone types a new item's title: the board's
 * items that already say most of it, so a duplicate is caught before it is
 * written. Only close matches (most of the typed words) are listed.
 */
import { useDeferredValue } from 'react';
import type { ItemSnapshot } from '../../shared/index.js';
import { SimilarItems } from './SimilarItems.js';
import { useSimilar } from './useSimilar.js';

const SHOWN = 3;
/** The share of the typed title's words an item must contain to be listed. */
const CLOSE = 0.6;
/** Shorter titles match too much to be worth a list. */
const MIN_LENGTH = 8;

export function TypedTitleMatches({ title, byId, onOpen }: { title: string; byId: ReadonlyMap<string, ItemSnapshot>; onOpen: (id: string) => void }) {
  const typed = useDeferredValue(title.trim());
  const { hits = [] } = useSimilar({ title: typed.length >= MIN_LENGTH ? typed : '', k: SHOWN, minCoverage: CLOSE, byId });
  if (title.trim().length < MIN_LENGTH || hits.length === 0) return null;
  return (
    <section className="duplicates typed-matches" aria-label="Already on the board">
      <h3 className="section-title">Already on the board?</h3>
      <SimilarItems hits={hits} byId={byId} onOpen={onOpen} />
    </section>
  );
}
