/**
 * What the item waits for (blocked by): each dependency with a way to drop
 * it, and a menu to add one. A dependency that would close a cycle is
 * refused by the model, and the refusal, which names the cycle, shows here.
 */
import { useState } from 'react';
import { addDependency, removeDependency, type ItemSnapshot } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { UserText } from '../ui/UserText.js';
import { shorten } from '../ui/text.js';
import { Field } from './Field.js';

export function DependenciesField({ session, item, items }: { session: BoardSession; item: ItemSnapshot; items: readonly ItemSnapshot[] }) {
  const [error, setError] = useState<string | null>(null);
  const byId = new Map(items.map((candidate) => [candidate.id, candidate]));
  const choices = items.filter((candidate) => candidate.id !== item.id && !candidate.archived && !item.dependsOn.includes(candidate.id));
  return (
    <Field label="Waits for" htmlFor="item-depends">
      {item.dependsOn.length > 0 && (
        <ul className="dependencies">
          {item.dependsOn.map((id) => (
            <li key={id} data-depends-on={id}>
              <UserText text={byId.get(id)?.title || 'a removed item'} max={70} />
              {byId.get(id)?.status === 'done' && <span className="muted"> · done</span>}
              {!session.readOnly && (
                <button type="button" className="icon-button" aria-label={`No longer wait for ${byId.get(id)?.title ?? 'it'}`} onClick={() => session.act(() => removeDependency(session.doc, item.id, id))}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!session.readOnly && (
        <select
          id="item-depends"
          value=""
          onChange={(event) => {
            const on = event.target.value;
            if (!on) return;
            const added = session.attempt(() => addDependency(session.doc, item.id, on), setError);
            if (added) setError(null);
          }}
        >
          <option value="">Add an item it waits for…</option>
          {choices.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {shorten(candidate.title, 80) || 'Untitled'}
            </option>
          ))}
        </select>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Field>
  );
}
