/**
 * Acceptance criteria written into a description: an "Acceptance criteria"
 * heading (Markdown, Jira's h3., bold, or a line ending in a colon) followed
 * by bullets or Given/When/Then lines. The section becomes the item's
 * checklist and leaves the description; everything else stays.
 *
 *   Acceptance criteria:            ## Acceptance Criteria
 *   - the page loads                Given a signed-in user
 *   - [x] errors are shown          When they open the board
 *                                   Then they see their items
 */
import type { CriterionInput } from '../schema.js';

const HEADING = /^\s*(?:#{1,6}\s*|h[1-6]\.\s*|\*+\s*)?(?:acceptance\s+criteria|acs?|definition of done)\b\s*\**\s*:?\s*\**\s*$/i;
const BULLET = /^\s*(?:[-*+•]|\d+[.)]|#)\s+(?:\[( |x|X)\]\s+)?(.*)$/;
const CHECKBOX = /^\s*\[( |x|X)\]\s+(.*)$/;
const GHERKIN = /^\s*(given|when|then|and|but)\b\s*(.*)$/i;

export function extractCriteria(description: string): { description: string; criteria: CriterionInput[] } {
  const lines = description.split('\n');
  const start = lines.findIndex((line) => HEADING.test(line));
  if (start === -1) return { description, criteria: [] };
  const criteria: CriterionInput[] = [];
  let end = start + 1;
  for (; end < lines.length; end++) {
    const line = lines[end]!;
    if (line.trim() === '') {
      // A blank line ends the section unless more criteria follow it.
      const next = lines.slice(end + 1).find((candidate) => candidate.trim() !== '');
      if (next === undefined || !(BULLET.test(next) || CHECKBOX.test(next) || GHERKIN.test(next))) break;
      continue;
    }
    const bullet = BULLET.exec(line) ?? CHECKBOX.exec(line);
    const gherkin = GHERKIN.exec(line);
    if (gherkin && criteria.length > 0 && !/^given$/i.test(gherkin[1]!) && !bullet) {
      // When/Then/And continue the scenario a Given started.
      const last = criteria[criteria.length - 1]!;
      last.text = `${last.text}\n${line.trim()}`;
    } else if (bullet) {
      const text = bullet[2]!.trim();
      if (text !== '') criteria.push({ text, done: bullet[1] === 'x' || bullet[1] === 'X' });
    } else if (gherkin) {
      criteria.push({ text: line.trim(), done: false });
    } else {
      break;
    }
  }
  if (criteria.length === 0) return { description, criteria };
  const rest = [...lines.slice(0, start), ...lines.slice(end)].join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return { description: rest, criteria };
}
