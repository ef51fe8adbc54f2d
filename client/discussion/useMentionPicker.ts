/**
 * Mentions while writing a comment: typing "@" and the start of a name
 * offers the people present on the board; choosing one writes "@Name " and
 * remembers the person, so they are notified even if two share a first name.
 */
import { useMemo, useState } from 'react';
import type { Person } from '../../shared/index.js';

export function useMentionPicker(people: readonly Person[], text: string, caret: number) {
  const [picked, setPicked] = useState<Person[]>([]);
  // The "@word" just before the caret, if any.
  const typing = /(?:^|\s)@([^\s@]*)$/.exec(text.slice(0, caret));
  const query = typing ? typing[1]!.toLowerCase() : null;
  const matches = useMemo(() => (query === null ? [] : people.filter((person) => person.name.toLowerCase().startsWith(query)).slice(0, 6)), [people, query]);
  /** The text with the "@word" at the caret replaced by the person's name, and the new caret. */
  const choose = (person: Person): { text: string; caret: number } => {
    setPicked((current) => (current.some((p) => p.id === person.id) ? current : [...current, person]));
    const start = caret - (query?.length ?? 0) - 1;
    const inserted = `@${person.name} `;
    return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
  };
  /** The people picked whose "@Name" is still in the text. */
  const mentioned = (final: string) => picked.filter((person) => final.includes(`@${person.name}`));
  const reset = () => setPicked([]);
  return { matches, choose, mentioned, reset };
}
