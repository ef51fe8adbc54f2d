/** A <select> over a fixed list of values with display names, optionally with an empty choice. */
import type { SelectHTMLAttributes } from 'react';

interface ChoiceProps<T extends string> extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> {
  values: readonly T[];
  labels: Record<T, string>;
  value: T | '';
  /** Shown for the empty value; without it, the empty value is not offered. */
  empty?: string;
  onChange: (value: T | '') => void;
}

export function Choice<T extends string>({ values, labels, value, empty, onChange, ...rest }: ChoiceProps<T>) {
  return (
    <select {...rest} value={value} onChange={(event) => onChange(event.target.value as T | '')}>
      {empty !== undefined && <option value="">{empty}</option>}
      {values.map((option) => (
        <option key={option} value={option}>
          {labels[option]}
        </option>
      ))}
    </select>
  );
}
