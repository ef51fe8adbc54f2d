/** The client's pure helpers for showing things: shortened text, refusals in words, totals. */
import { describe, expect, it } from 'vitest';
import type { ItemSnapshot } from '../../shared/index.js';
import { describeRefusal } from '../../client/board/refusals.js';
import { totals } from '../../client/board/totals.js';
import { displayText, shorten } from '../../client/ui/text.js';

describe('showing text people wrote', () => {
  it('drops direction controls and shortens by whole characters, with an ellipsis', () => {
    expect(displayText('invoice\u202Egnp.exe')).toBe('invoicegnp.exe');
    expect(shorten('a'.repeat(500), 10)).toBe(`${'a'.repeat(9)}…`);
    expect(shorten('one\ntwo   three', 20)).toBe('one two three');
    expect(shorten('👍🏽'.repeat(5), 3)).toBe('👍🏽👍🏽…');
  });

  it('puts a refusal in words: no function name, titles for item ids', () => {
    const titles: Record<string, string> = { k1: 'Checkout epic', k2: 'Card form' };
    expect(describeRefusal('updateItem "k1": item "k1" cannot go under "k2", which is inside it', (id) => titles[id])).toBe(
      'Item “Checkout epic” cannot go under “Card form”, which is inside it',
    );
    expect(describeRefusal('updateItem "k1": estimate "banana" is neither', (id) => titles[id])).toBe('Estimate “banana” is neither');
  });
});

describe('totals', () => {
  it('adds points, counts cards and items not estimated', () => {
    const item = (estimate: number | string | null) => ({ estimate }) as ItemSnapshot;
    const sum = totals([item(3), item(0.5), item('M'), item('M'), item(null)]);
    expect(sum).toEqual({ items: 5, points: 3.5, cards: new Map([['M', 2]]), unestimated: 1 });
  });
});
