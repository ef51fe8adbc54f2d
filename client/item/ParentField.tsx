/** The epic an item belongs to. A choice that would make a cycle is refused by the model, and the notice says so. */
import { updateItem, type ItemSnapshot } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { shorten } from '../ui/text.js';
import { Field } from './Field.js';

export function ParentField({ session, item, items }: { session: BoardSession; item: ItemSnapshot; items: ItemSnapshot[] }) {
  const choices = items.filter((candidate) => candidate.id !== item.id && !candidate.archived && candidate.parent !== item.id);
  return (
    <Field label="Parent epic" htmlFor="item-parent">
      <select id="item-parent" value={item.parent ?? ''} onChange={(event) => session.act(() => updateItem(session.doc, item.id, { parent: event.target.value || null }))}>
        <option value="">None</option>
        {item.parent !== null && !choices.some((c) => c.id === item.parent) && <option value={item.parent}>(removed item)</option>}
        {choices.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {shorten(candidate.title, 80) || 'Untitled'}
          </option>
        ))}
      </select>
    </Field>
  );
}
