/**
 * A list of the board's items most like some text: each title with the
 * words that matched marked in it, the matched words found only in the
 * item's body beside it, and one action per item (merge, or open).
 * The item panel, the composer and the intake inbox use it.
 */
import type { ReactNode } from 'react';
import type { ItemSnapshot } from '../../shared/index.js';
import { shorten } from '../ui/text.js';
import type { SimilarHit } from './refinement.worker.js';

/** The title as text runs, the matched words marked (whole words, ignoring case). */
function MarkedTitle({ title, words }: { title: string; words: readonly string[] }) {
  const text = shorten(title || 'Untitled', 90);
  const marked = new Set(words.map((word) => word.toLocaleLowerCase()));
  // Split into word and non-word runs; the word runs keep letters, digits, apostrophes inside words.
  const runs = text.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|[^\p{L}\p{N}]+/gu) ?? [text];
  return (
    <bdi>
      {runs.map((run, index) => (marked.has(run.toLocaleLowerCase()) ? <mark key={index}>{run}</mark> : run))}
    </bdi>
  );
}

interface SimilarItemsProps {
  hits: readonly SimilarHit[];
  byId: ReadonlyMap<string, ItemSnapshot>;
  onOpen: (id: string) => void;
  /** What can be done with one item, beside it (nothing for a read-only board). */
  action?: (item: ItemSnapshot) => ReactNode;
}

export function SimilarItems({ hits, byId, onOpen, action }: SimilarItemsProps) {
  return (
    <ol className="duplicate-list">
      {hits.map((hit) => {
        const item = byId.get(hit.id);
        if (item === undefined) return null;
        return (
          <li key={hit.id} data-duplicate={hit.id}>
            <button type="button" className="link-button duplicate-title" title={item.title} onClick={() => onOpen(hit.id)}>
              <MarkedTitle title={item.title} words={hit.titleWords} />
            </button>
            {hit.bodyWords.length > 0 && (
              <span className="duplicate-words muted">
                also in its text:
                {hit.bodyWords.map((word) => (
                  <mark key={word}>{word}</mark>
                ))}
              </span>
            )}
            {action?.(item)}
          </li>
        );
      })}
    </ol>
  );
}
