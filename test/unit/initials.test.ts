/** Avatars show initials people recognise: letters of words, never punctuation. */
import { describe, expect, it } from 'vitest';
import { initials } from '../../client/session/identity.js';

describe('initials', () => {
  it('takes the first letters of the first and last word, leaving out brackets and punctuation', () => {
    expect(initials('Priya (PO)')).toBe('P');
    expect(initials('Ana Lopez')).toBe('AL');
    expect(initials('Jean-Luc de la Tour')).toBe('JT');
    expect(initials('ben')).toBe('B');
    expect(initials('  émile   zola ')).toBe('ÉZ');
    expect(initials('“Dev” Sam')).toBe('DS');
    expect(initials('[bot] Deploy')).toBe('D');
  });

  it('keeps whole characters of any script, and has something to show for anything', () => {
    expect(initials('李小龙')).toBe('李');
    expect(initials('Zoë 🦊')).toBe('Z');
    expect(initials('🦊')).toBe('🦊');
    expect(initials('(PO)')).toBe('P');
    expect(initials('')).toBe('?');
    expect(initials('\u202Egnp')).toBe('G');
  });
});
