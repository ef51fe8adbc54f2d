/**
 * What the item waits for (blocked by): each dependency with a way to drop
 * it, and a menu to add one. A dependency that would close a cycle is
 * refused by the model, and the refusal, which names the cycle, shows here.
 * Two people can still close one at once (each adding a half); then the
 * item in it says so, names the circle, and offers each of its links to
 * drop, its own ones marked in the list.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { addDependency, dependencyCycles, removeDependency, type ItemSnapshot } from '../../shared/index.js';
import { CyclePath, cycleLinks, cycleThrough } from '../planning/CycleNotice.js';
import type { BoardSession } from '../session/BoardSession.js';
import { UserText } from '../ui/UserText.js';
import { shorten } from '../ui/text.js';
import { Field } from './Field.js';
import { Combobox } from '../ui/Combobox.js';
import { foldText, matchWords, queryWords, type ComboboxFound } from '../ui/useCombobox.js';

/** Matches rendered at most: more than anyone scans; typing narrows. */
const MATCHES = 50;

export function DependenciesField({ session, item, items }: { session: BoardSession; item: ItemSnapshot; items: readonly ItemSnapshot[] }) {
  const [error, setError] = useState<string | null>(null);
  const byId = new Map(items.map((candidate) => [candidate.id, candidate]));
  const titleOf = (id: string) => byId.get(id)?.title || (byId.has(id) ? 'Untitled' : 'a removed item');
  // Searched, not listed: a select of every item rebuilt on each keystroke made typing lag on large boards.
  const choices = useMemo(() => items.filter((candidate) => candidate.id !== item.id && !candidate.archived && !item.dependsOn.includes(candidate.id)).map((candidate) => ({ candidate, folded: foldText(candidate.title) })), [items, item.id, item.dependsOn]);
  const search = useCallback(
    (query: string): ComboboxFound<ItemSnapshot> => {
      const words = queryWords(query);
      const found = words.length === 0 ? choices : choices.filter(({ folded }) => matchWords(folded, words) !== null);
      return { options: found.slice(0, MATCHES).map(({ candidate }) => candidate), total: found.length };
    },
    [choices],
  );
  const cycles = useMemo(() => dependencyCycles(items), [items]);
  const cycle = cycleThrough(cycles, item.id);
  const links = cycle ? cycleLinks(cycle) : [];
  const inCycle = new Set(links.filter(([from]) => from === item.id).map(([, to]) => to));
  const drop = (from: string, to: string) => session.act(() => removeDependency(session.doc, from, to));
  // Opened on an item in a cycle (the backlog's notice opens one), the panel scrolls to the alert; one appearing later does not move it.
  const alertRef = useRef<HTMLDivElement>(null);
  const [scrollToAlert] = useState(cycle !== null);
  useEffect(() => {
    if (scrollToAlert) alertRef.current?.scrollIntoView({ block: 'nearest' });
  }, [scrollToAlert]);
  return (
    <Field label="Waits for" htmlFor="item-depends">
      {cycle && (
        <div ref={alertRef} className="cycle-alert" role="alert" data-cycle-alert={cycle.join(' ')}>
          <p className="cycle-alert-line">
            <span className="cycle-icon" aria-hidden="true">
              ↻
            </span>
            <span>
              Waiting in a circle: <CyclePath cycle={cycle} titleOf={titleOf} />
            </span>
          </p>
          {!session.readOnly && (
            <>
              <p className="cycle-alert-hint">Drop one of these to break it:</p>
              <ul className="cycle-links">
                {links.map(([from, to]) => (
                  <li key={`${from} ${to}`} data-cycle-link={`${from} ${to}`}>
                    <UserText text={titleOf(from)} max={30} /> <span className="muted">waits for</span> <UserText text={titleOf(to)} max={30} />
                    <button type="button" className="icon-button" aria-label={`Break the circle: ${shorten(titleOf(from), 40)} no longer waits for ${shorten(titleOf(to), 40)}`} onClick={() => drop(from, to)}>
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {item.dependsOn.length > 0 && (
        <ul className="dependencies">
          {item.dependsOn.map((id) => (
            <li key={id} data-depends-on={id} data-in-cycle={inCycle.has(id) || undefined} className={inCycle.has(id) ? 'dependency-in-cycle' : undefined}>
              <UserText text={byId.get(id)?.title || 'a removed item'} max={70} />
              {byId.get(id)?.status === 'done' && <span className="muted"> · done</span>}
              {inCycle.has(id) && <span className="dependency-cycle-tag">in the circle</span>}
              {!session.readOnly && (
                <button type="button" className="icon-button" aria-label={`No longer wait for ${byId.get(id)?.title ?? 'it'}`} onClick={() => drop(item.id, id)}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!session.readOnly && (
        <Combobox<ItemSnapshot>
          id="item-depends"
          value=""
          placeholder="Add an item it waits for…"
          searchPlaceholder="Search items by title…"
          search={search}
          keyOf={(candidate) => candidate.id}
          selectedKey=""
          noMatch="No item has those words in its title"
          onPick={(candidate) => {
            const added = session.attempt(() => addDependency(session.doc, item.id, candidate.id), setError);
            if (added) setError(null);
          }}
          renderOption={(candidate) => <UserText className="combobox-title" text={candidate.title || 'Untitled'} max={80} />}
        />
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Field>
  );
}
