/**
 * Who I am on this device: a display name and a color, remembered in
 * localStorage and shown to others through presence.
 */
import { newId } from '../../shared/ids.js';
import { displayText, graphemes } from '../ui/text.js';

export interface Identity {
  /** Stable for this device: who voted, who facilitates. */
  id: string;
  name: string;
  color: string;
}

const KEY = 'refinement-board.identity';

/** Colors readable as text backgrounds with white initials, in light and dark themes. */
export const COLORS = ['#e11d48', '#db2777', '#9333ea', '#4f46e5', '#0284c7', '#0d9488', '#16a34a', '#ca8a04', '#ea580c', '#64748b'];

const ANIMALS = ['Otter', 'Heron', 'Lynx', 'Badger', 'Falcon', 'Marten', 'Ibex', 'Puffin', 'Gecko', 'Koala', 'Narwhal', 'Okapi'];

function pick<T>(list: readonly T[]): T {
  return list[Math.floor(Math.random() * list.length)]!;
}

export function loadIdentity(): Identity {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Identity> | null;
    if (stored && typeof stored.name === 'string' && stored.name.trim() && typeof stored.color === 'string') {
      const identity = { id: typeof stored.id === 'string' && stored.id ? stored.id : newId(), name: stored.name, color: stored.color };
      if (identity.id !== stored.id) saveIdentity(identity);
      return identity;
    }
  } catch {
    // A corrupt entry is replaced below.
  }
  const identity = { id: newId(), name: `Guest ${pick(ANIMALS)}`, color: pick(COLORS) };
  saveIdentity(identity);
  return identity;
}

export function saveIdentity(identity: Identity): void {
  localStorage.setItem(KEY, JSON.stringify(identity));
}

/** Names are short, one line, and shown to everyone: on cursors, votes and summaries. */
export const MAX_NAME_LENGTH = 40;

const ASKED = 'refinement-board.name-asked';

/** A name made up on this device ("Guest Otter"), not one the person chose. */
function isGuestName(name: string): boolean {
  const match = /^Guest (\w+)$/.exec(name);
  return match !== null && ANIMALS.includes(match[1]!);
}

/** Whether to ask for a name: the person still has a made-up one and was not asked on this device yet. */
export function shouldAskName(identity: Identity): boolean {
  return isGuestName(identity.name) && localStorage.getItem(ASKED) === null;
}

/** The person answered (a name, or Skip): do not ask again on this device. */
export function nameAsked(): void {
  localStorage.setItem(ASKED, new Date().toISOString());
}

/** A typed name as shown to others: one line, no direction controls, at most MAX_NAME_LENGTH characters. */
export function cleanName(typed: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  return typed.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH);
}

/** A letter or digit of any script: what initials are made of. */
const LETTER = /[\p{L}\p{N}]/u;

/** The first letter of a word, as a whole character (an accent or a combining mark stays with it). */
function initialOf(word: string): string {
  for (const { segment } of graphemes.segment(word)) if (LETTER.test(segment)) return segment;
  return '';
}

/**
 * Up to two initials for an avatar: the first letters of the first and the
 * last word. What is in brackets is a note ("Priya (PO)"), not a name, and
 * punctuation is never an initial; a name without letters shows its first
 * character (an emoji), an empty one "?".
 */
export function initials(name: string): string {
  const clean = displayText(name).trim();
  const outsideBrackets = clean.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  const words = (LETTER.test(outsideBrackets) ? outsideBrackets : clean).split(/\s+/).filter((word) => LETTER.test(word));
  if (words.length === 0) return graphemes.segment(clean)[Symbol.iterator]().next().value?.segment ?? '?';
  const first = initialOf(words[0]!);
  const last = words.length > 1 ? initialOf(words[words.length - 1]!) : '';
  return (first + last).toLocaleUpperCase();
}
