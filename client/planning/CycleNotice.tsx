/**
 * Dependency cycles, flagged where people can break them. The model refuses
 * a dependency that closes a cycle, but two people can add its halves at
 * once (A waits for B here, B for A there); after the merge
 * `dependencyCycles` finds it. This notice over the backlog names each such
 * circle and opens an item of it, whose "Waits for" field lists the links
 * to drop (DependenciesField); the helpers below word a circle for both.
 */
import { useMemo } from 'react';
import { dependencyCycles, type ItemSnapshot } from '../../shared/index.js';
import { UserText } from '../ui/UserText.js';

/** Circles the notice names one by one; more are counted. */
const NAMED_CYCLES = 3;

/** The cycle through `itemId` (the first found), starting at it; null when it is in none. */
export function cycleThrough(cycles: readonly (readonly string[])[], itemId: string): string[] | null {
  for (const cycle of cycles) {
    const at = cycle.indexOf(itemId);
    if (at >= 0) return [...cycle.slice(at), ...cycle.slice(0, at)];
  }
  return null;
}

/** Each link of a cycle as [waiting item, what it waits for], the last back to the first. */
export function cycleLinks(cycle: readonly string[]): [string, string][] {
  return cycle.map((id, at) => [id, cycle[(at + 1) % cycle.length]!]);
}

/** The titles around a cycle, back to where it starts: A, B, A. */
export function cycleTitles(cycle: readonly string[], titleOf: (id: string) => string): string[] {
  return [...cycle, cycle[0]!].map(titleOf);
}

/** What a cycle does, before its titles: "2 items wait for each other in a circle". */
export function cycleLead(cycle: readonly string[]): string {
  return cycle.length === 1 ? '1 item waits for itself' : `${cycle.length} items wait for each other in a circle`;
}

/** Titles around a cycle as shown: each isolated (a right-to-left title stays in its place), joined by arrows. */
export function CyclePath({ cycle, titleOf }: { cycle: readonly string[]; titleOf: (id: string) => string }) {
  return (
    <span className="cycle-path">
      {cycleTitles(cycle, titleOf).map((title, at) => (
        <span key={at}>
          {at > 0 && ' → '}
          <UserText text={title} max={40} />
        </span>
      ))}
    </span>
  );
}

/** Over the backlog: each circle of items waiting for each other, with a way to open one of them. */
export function CycleNotice({ items, onOpen }: { items: readonly ItemSnapshot[]; onOpen: (id: string) => void }) {
  const cycles = useMemo(() => dependencyCycles(items), [items]);
  const titles = useMemo(() => new Map(items.map((item) => [item.id, item.title || 'Untitled'])), [items]);
  if (cycles.length === 0) return null;
  const titleOf = (id: string) => titles.get(id) ?? 'a removed item';
  return (
    <div className="cycle-notice" role="status" aria-label="Dependency cycles">
      {cycles.slice(0, NAMED_CYCLES).map((cycle) => (
        <p key={cycle.join(' ')} className="cycle-notice-line" data-cycle-notice={cycle.join(' ')}>
          <span className="cycle-icon" aria-hidden="true">
            ↻
          </span>
          <span>
            {cycleLead(cycle)}: <CyclePath cycle={cycle} titleOf={titleOf} />
          </span>
          <button type="button" className="link-button" onClick={() => onOpen(cycle[0]!)}>
            Show
          </button>
        </p>
      ))}
      {cycles.length > NAMED_CYCLES && <p className="cycle-notice-line muted">and {cycles.length - NAMED_CYCLES === 1 ? 'one more circle' : `${cycles.length - NAMED_CYCLES} more circles`}</p>}
    </div>
  );
}
