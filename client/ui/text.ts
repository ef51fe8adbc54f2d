/**
 * Showing text that people wrote: shortened for a one-line place, and
 * without the characters that would reorder what comes after it.
 */

/**
 * Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
 * The model refuses the first five in new one-line text, but boards may hold
 * older text or text written by other programs; shown as is, "gnp.exe"
 * after U+202E reads "exe.png". Each piece of user text is also isolated
 * (<bdi>, see UserText), so right-to-left titles still read right.
 */
const DIRECTION_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Splits text into characters as a person counts them (an emoji, or a letter with its accents, is one). */
export const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Text as shown: without direction controls. */
export function displayText(text: string): string {
  return text.replace(DIRECTION_CONTROLS, '');
}

/** At most `max` characters as a person counts them (an emoji is one), with "…" when cut. */
export function shorten(text: string, max: number): string {
  const shown = displayText(text).replace(/\s+/g, ' ').trim();
  if (shown.length <= max) return shown;
  // Only as far as needed: rows call this for every long title they show.
  const kept: string[] = [];
  for (const { segment } of graphemes.segment(shown)) {
    if (kept.length === max) return `${kept.slice(0, max - 1).join('').trimEnd()}…`;
    kept.push(segment);
  }
  return shown;
}
