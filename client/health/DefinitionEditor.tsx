/** The board's definition of ready, edited by the team: each rule on its own, live for everyone. */
import { setDefinitionOfReady, setHealthTopItems, setStaleAfterDays, type DefinitionOfReady } from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';

const RULES: [Exclude<keyof DefinitionOfReady, 'maxEstimate'>, string][] = [
  ['acceptanceCriteria', 'Acceptance criteria'],
  ['estimate', 'Estimated'],
  ['priority', 'Prioritized (a MoSCoW priority or a score)'],
  ['description', 'Description'],
  ['openQuestions', 'No open questions in its comments'],
];

export function DefinitionEditor({ session, definition, top, staleDays }: { session: BoardSession; definition: DefinitionOfReady; top: number; staleDays: number }) {
  const readOnly = session.readOnly;
  const number = (text: string) => (text.trim() === '' ? null : Number(text));
  return (
    <fieldset className="definition" disabled={readOnly}>
      <legend>Definition of ready</legend>
      {RULES.map(([rule, label]) => (
        <label key={rule} className="checkbox">
          <input type="checkbox" checked={definition[rule]} onChange={(event) => session.act(() => setDefinitionOfReady(session.doc, { [rule]: event.target.checked }))} />
          {label}
        </label>
      ))}
      <label className="inline-number">
        Estimate at most
        <input
          type="number"
          min={1}
          key={`max:${definition.maxEstimate}`}
          defaultValue={definition.maxEstimate ?? ''}
          placeholder="any"
          aria-label="Largest estimate a ready item may have"
          onBlur={(event) => {
            const value = number(event.target.value);
            if (value !== definition.maxEstimate) session.act(() => setDefinitionOfReady(session.doc, { maxEstimate: value }));
          }}
        />
        points
      </label>
      <label className="inline-number">
        Check the top
        <input type="number" min={1} key={`top:${top}`} defaultValue={top} aria-label="Items at the top to check" onBlur={(event) => Number(event.target.value) !== top && session.act(() => setHealthTopItems(session.doc, Number(event.target.value)))} />
        items
      </label>
      <label className="inline-number">
        Stale after
        <input type="number" min={1} key={`stale:${staleDays}`} defaultValue={staleDays} aria-label="Days without a change before an item is stale" onBlur={(event) => Number(event.target.value) !== staleDays && session.act(() => setStaleAfterDays(session.doc, Number(event.target.value)))} />
        days without a change
      </label>
    </fieldset>
  );
}
