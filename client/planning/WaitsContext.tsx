/**
 * What the rows flag about dependencies, through contexts so memoized rows
 * need no extra props: items ordered above something they wait for (shared/
 * planning orderWarnings), and items in a dependency cycle (two people can
 * close one at once; CycleNotice names it over the list).
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { dependencyCycles, type ItemSnapshot } from '../../shared/index.js';
import { UserText } from '../ui/UserText.js';

/** Item id to the titles of what it waits for that sits below it in the backlog. */
export const WaitsContext = createContext<ReadonlyMap<string, string[]>>(new Map());

export function WaitsNote({ itemId }: { itemId: string }) {
  const waits = useContext(WaitsContext).get(itemId);
  if (!waits) return null;
  return (
    <span className="row-waits" data-waits={itemId}>
      Waits for <UserText text={waits.join(', ')} max={40} />, below
    </span>
  );
}

/** Ids of the items in a dependency cycle. */
export const CycleContext = createContext<ReadonlySet<string>>(new Set());

/** Finds the cycles among `items` (every item on the board) for the rows inside it. */
export function CycleMarks({ items, children }: { items: readonly ItemSnapshot[]; children: ReactNode }) {
  const inCycle = useMemo(() => new Set(dependencyCycles(items).flat()), [items]);
  return <CycleContext value={inCycle}>{children}</CycleContext>;
}

export function CycleMarker({ itemId }: { itemId: string }) {
  if (!useContext(CycleContext).has(itemId)) return null;
  return (
    <span className="row-cycle" data-cycle={itemId} title="It waits, through what it waits for, for itself: open it to break the circle">
      <span aria-hidden="true">↻ </span>Waits in a circle
    </span>
  );
}
