/**
 * The epic an item belongs to, picked by searching (a board can hold
 * thousands of items): epics and themes first, then items that others
 * already belong to, then any other item, which the model allows too. A
 * choice that would make a cycle is refused by the model, and the page's
 * notice says so.
 */
import { useCallback, useMemo } from 'react';
import { updateItem, type ItemSnapshot } from '../../shared/index.js';
import { KIND_LABELS } from '../board/labels.js';
import type { BoardSession } from '../session/BoardSession.js';
import { Combobox } from '../ui/Combobox.js';
import { UserText } from '../ui/UserText.js';
import { foldText, matchWords, queryWords, type ComboboxFound } from '../ui/useCombobox.js';
import { shorten } from '../ui/text.js';
import { Field } from './Field.js';

/** The most matches the list renders; more are counted. */
export const PARENT_MATCHES = 50;

/** A choice in the picker: an item, or null for "None". */
export type ParentChoice = ItemSnapshot | null;

interface Candidate {
  item: ItemSnapshot;
  folded: string;
  /** 0 ranks first: the kinds an item of this kind usually belongs to, then items others belong to, then the rest. */
  group: number;
}

/** Where an item of `kind` looks first for its parent: an epic's parent is a theme, anything else's an epic. */
function groupOf(candidate: ItemSnapshot, kind: ItemSnapshot['kind'], parents: ReadonlySet<string>): number {
  const usual = kind === 'epic' || kind === 'theme' ? ['theme', 'epic'] : ['epic', 'theme'];
  const at = usual.indexOf(candidate.kind);
  if (at >= 0) return at;
  return parents.has(candidate.id) ? 2 : 3;
}

/** Every item `item` could belong to, folded for matching (not itself, nothing archived, none of its own children). */
export function parentCandidates(items: readonly ItemSnapshot[], item: ItemSnapshot): Candidate[] {
  const parents = new Set<string>();
  for (const other of items) if (other.parent !== null && !other.archived) parents.add(other.parent);
  return items
    .filter((candidate) => candidate.id !== item.id && !candidate.archived && candidate.parent !== item.id)
    .map((candidate) => ({ item: candidate, folded: foldText(candidate.title), group: groupOf(candidate, item.kind, parents) }));
}

/**
 * The choices for a query: "None" while nothing is typed (or "none" is), then
 * the candidates whose titles hold every word, by group, then those whose
 * words begin with the query's, then in board order.
 */
export function searchParents(candidates: readonly Candidate[], query: string, limit = PARENT_MATCHES): ComboboxFound<ParentChoice> {
  const words = queryWords(query);
  const ranked: { candidate: Candidate; match: number; at: number }[] = [];
  candidates.forEach((candidate, at) => {
    const match = matchWords(candidate.folded, words);
    if (match !== null) ranked.push({ candidate, match, at });
  });
  ranked.sort((a, b) => a.candidate.group - b.candidate.group || a.match - b.match || a.at - b.at);
  const none = words.length === 0 || matchWords('none', words) === 0 ? [null] : [];
  const options = [...none, ...ranked.slice(0, limit).map(({ candidate }) => candidate.item)];
  return { options, total: none.length + ranked.length };
}

export function ParentField({ session, item, items }: { session: BoardSession; item: ItemSnapshot; items: ItemSnapshot[] }) {
  const candidates = useMemo(() => parentCandidates(items, item), [items, item]);
  const search = useCallback((query: string) => searchParents(candidates, query), [candidates]);
  const parent = item.parent === null ? undefined : items.find((other) => other.id === item.parent);
  const shown = item.parent === null ? '' : parent ? shorten(parent.title, 80) || 'Untitled' : '(removed item)';
  return (
    <Field label="Parent epic" htmlFor="item-parent">
      <Combobox<ParentChoice>
        id="item-parent"
        value={shown}
        placeholder="None"
        searchPlaceholder="Search epics and themes…"
        search={search}
        keyOf={(choice) => choice?.id ?? ''}
        selectedKey={item.parent ?? ''}
        noMatch="No item has those words in its title"
        disabled={session.readOnly}
        onPick={(choice) => {
          if ((choice?.id ?? null) !== item.parent) session.act(() => updateItem(session.doc, item.id, { parent: choice?.id ?? null }));
        }}
        renderOption={(choice) =>
          choice === null ? (
            <span className="combobox-none">None</span>
          ) : (
            <>
              <span className={`kind kind-${choice.kind}`}>{KIND_LABELS[choice.kind]}</span>
              <UserText className="combobox-title" text={choice.title || 'Untitled'} max={80} />
              {choice.status === 'done' && <span className="muted combobox-detail">done</span>}
            </>
          )
        }
      />
    </Field>
  );
}
