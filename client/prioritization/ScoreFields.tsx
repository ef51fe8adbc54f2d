/**
 * The item panel's prioritization section: the inputs of every framework
 * the board uses (an input two frameworks share shows once), then each
 * score with how it was computed. Inputs on a fixed scale are menus; the
 * rest are numbers the model checks (a refusal shows under the field).
 */
import { useState } from 'react';
import {
  FRAMEWORK_INPUTS,
  FRAMEWORK_NAMES,
  RICE_IMPACT_NAMES,
  effectiveJobSize,
  formatScore,
  inputScale,
  scoreItem,
  updateItem,
  type Framework,
  type ItemSnapshot,
  type ScoreInput,
} from '../../shared/index.js';
import type { BoardSession } from '../session/BoardSession.js';
import { inputLabel } from './inputLabels.js';

export function ScoreFields({ session, item, frameworks }: { session: BoardSession; item: ItemSnapshot; frameworks: readonly Framework[] }) {
  if (frameworks.length === 0) return null;
  const inputs = [...new Set(frameworks.flatMap((framework) => FRAMEWORK_INPUTS[framework]))];
  return (
    <section className="score-fields" aria-label="Prioritization">
      <h3 className="section-title">Prioritization</h3>
      {inputs.length > 0 && (
        <div className="field-grid">
          {inputs.map((input) => (
            <ScoreInputField key={`${item.id}:${input}:${item.scoreInputs[input]}`} session={session} item={item} input={input} frameworks={frameworks} />
          ))}
        </div>
      )}
      <ul className="score-lines">
        {frameworks.map((framework) => {
          const score = scoreItem(framework, item);
          return (
            <li key={framework} data-score-line={framework} title={score.explanation}>
              <span className="score-name">{FRAMEWORK_NAMES[framework]}</span>
              <span className="score-value numeric">{score.value === null ? '–' : formatScore(score.value)}</span>
              <span className="score-how">{score.explanation}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ScoreInputField({ session, item, input, frameworks }: { session: BoardSession; item: ItemSnapshot; input: ScoreInput; frameworks: readonly Framework[] }) {
  const [error, setError] = useState<string | null>(null);
  const id = `score-${input}`;
  const { name, unit } = inputLabel(input, frameworks);
  const write = (value: number | null) => {
    const written = session.attempt(
      () => updateItem(session.doc, item.id, { scoreInputs: { [input]: value } }),
      (message) => setError(message.replace(/^updateItem "[^"]+": /, '')),
    );
    if (written) setError(null);
  };
  const scale = inputScale(input);
  const stored = item.scoreInputs[input];
  let control;
  if (scale !== null) {
    const fromEstimate = input === 'jobSize' ? effectiveJobSize({ ...item.scoreInputs, jobSize: null }, item.estimate).value : null;
    control = (
      <select id={id} value={stored ?? ''} onChange={(event) => write(event.target.value === '' ? null : Number(event.target.value))}>
        <option value="">{fromEstimate !== null ? `Estimate (${formatScore(fromEstimate)})` : 'Not set'}</option>
        {scale.map((value) => (
          <option key={value} value={value}>
            {input === 'impact' ? `${value} · ${RICE_IMPACT_NAMES[value]}` : value}
          </option>
        ))}
      </select>
    );
  } else {
    control = <NumberInput id={id} value={stored} onCommit={write} onEdit={() => setError(null)} invalid={error !== null} />;
  }
  return (
    <div className="field">
      <div className="field-label">
        <label htmlFor={id}>{name}</label>
        {unit && <span className="field-unit">{unit}</span>}
      </div>
      {control}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A number written on Enter or when leaving the field; blank clears it, Escape takes the edit back. */
function NumberInput({ id, value, onCommit, onEdit, invalid }: { id: string; value: number | null; onCommit: (value: number | null) => void; onEdit: () => void; invalid: boolean }) {
  const shown = value === null ? '' : String(value);
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null || draft.trim() === shown) return setDraft(null);
    const text = draft.trim().replace(',', '.');
    onCommit(text === '' ? null : Number(text));
    setDraft(null);
  };
  return (
    <input
      id={id}
      className="text-input"
      inputMode="decimal"
      placeholder="–"
      value={draft ?? shown}
      aria-invalid={invalid}
      onChange={(event) => {
        setDraft(event.target.value);
        onEdit();
      }}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
        if (event.key === 'Escape') setDraft(null);
      }}
    />
  );
}
