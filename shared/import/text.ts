/**
 * Plain text and Markdown, pasted or dropped: one item per line or bullet.
 *
 *   # Checkout                   a heading: an epic; the items below belong to it
 *   - Pay by card                a bullet (or a plain line): an item
 *     - [ ] declines show why    a checkbox under an item: one of its acceptance criteria
 *     - [x] 3-D Secure works
 *   1. Pay by invoice            numbered lines are items too
 *
 * An item's key is its title (case and spacing ignored; a second item of the
 * same title in the file counts from 2), so pasting the same list again
 * updates those items rather than adding them twice.
 */
import { Warnings, cleanTitle } from './fields.js';
import { TitleKeys } from './title-keys.js';
import type { PlannedItem } from './types.js';

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const CHECKBOX = /^([ \t]*)(?:[-*+]|\d+[.)])\s+\[( |x|X)\]\s+(.*)$/;
const BULLET = /^([ \t]*)(?:[-*+•]|\d+[.)])\s+(.*)$/;

export function planText(text: string, warnings: Warnings): PlannedItem[] {
  const items: PlannedItem[] = [];
  const titleKeys = new TitleKeys();
  let epic: PlannedItem | null = null;
  let last: { item: PlannedItem; indent: number; bullet: boolean } | null = null;
  const add = (raw: string, row: number, kind: 'epic' | undefined): PlannedItem | null => {
    const title = cleanTitle(raw, row, warnings);
    if (title === null) return null;
    const item: PlannedItem = {
      row,
      source: { system: 'text', key: titleKeys.next(title) },
      fields: { title, ...(kind ? { kind } : {}) },
      parentKey: kind ? null : (epic?.source.key ?? null),
    };
    items.push(item);
    return item;
  };
  text.split(/\r\n?|\n/).forEach((line, index) => {
    const row = index + 1;
    if (line.trim() === '') return;
    const heading = HEADING.exec(line.trim());
    if (heading) {
      epic = add(heading[2]!, row, 'epic');
      last = null;
      return;
    }
    const checkbox = CHECKBOX.exec(line);
    if (checkbox && last !== null && (indentOf(checkbox[1]!) > last.indent || !last.bullet)) {
      const criteria = (last.item.fields.acceptanceCriteria ??= []);
      criteria.push({ text: checkbox[3]!.trim(), done: checkbox[2] !== ' ' });
      return;
    }
    const bullet = BULLET.exec(line);
    const item = add(checkbox ? checkbox[3]! : bullet ? bullet[2]! : line, row, undefined);
    if (item !== null) last = { item, indent: indentOf(bullet?.[1] ?? ''), bullet: bullet !== null };
  });
  return items;
}

function indentOf(space: string): number {
  return space.replace(/\t/g, '    ').length;
}
