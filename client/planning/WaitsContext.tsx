/**
 * Items ordered above something they wait for (shared/planning orderWarnings),
 * for the rows: a context, so memoized rows need no extra props.
 */
import { createContext, useContext } from 'react';
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
