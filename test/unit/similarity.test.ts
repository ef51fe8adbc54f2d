/**
 * The duplicate finder's model: text to retrieval terms (wink-nlp stems, stop
 * words out, markup stripped) and the incremental BM25F index over title,
 * description and acceptance criteria, on small fixtures. How well it finds
 * real duplicates is measured by `npm run eval` (EVALUATION.md), not here.
 */
import { describe, expect, it } from 'vitest';
import { createSimilarityIndex, retrievalTerms, retrievalWords, type SimilarityIndex } from '../../shared/refinement/index.js';

const FILLER = 'alpha bravo charlie delta echo foxtrot';

function board(): SimilarityIndex {
  const index = createSimilarityIndex();
  index.add({ id: 'login', title: 'Login page crashes on submit', description: 'The form throws when the password is empty.' });
  index.add({ id: 'export', title: 'Export the backlog as CSV', description: 'Teams want a spreadsheet of every item.' });
  index.add({ id: 'dark', title: 'Dark theme for the board', description: 'Night owls asked for darker colours.', acceptanceCriteria: ['The theme follows the system setting'] });
  return index;
}

describe('retrieval terms', () => {
  it('are lower-cased stems without stop words or punctuation', () => {
    expect(retrievalTerms('Crashes, crashed and CRASHING!')).toEqual(['crash', 'crash', 'crash']);
    expect(retrievalTerms('the of and to it is was')).toEqual([]);
  });

  it('strip HTML, Jira markup and links but keep the words around them', () => {
    const terms = retrievalTerms('<p>h2. Summary</p> *Scheduler* stalls, see [the log|https://example.com/x/y] &amp; {color:red}urgent{color}');
    expect(terms).toEqual(['summari', 'schedul', 'stall', 'log', 'urgent']);
  });

  it('split identifiers into their words as well', () => {
    expect(retrievalTerms('NullPointerException')).toEqual(expect.arrayContaining(['null', 'pointer', 'except']));
  });

  it('keep the surface word beside each term, for highlighting', () => {
    expect(retrievalWords('Servers crashing')).toEqual([
      { word: 'Servers', term: 'server' },
      { word: 'crashing', term: 'crash' },
    ]);
  });

  it('keep words in any script, lower-cased and whole (the stemmer is English)', () => {
    expect(retrievalWords('Ошибка ВХОДА')).toEqual([
      { word: 'Ошибка', term: 'ошибка' },
      { word: 'ВХОДА', term: 'входа' },
    ]);
    expect(retrievalTerms('Σφάλμα σύνδεσης')).toEqual(['σφάλμα', 'σύνδεσης']);
    // Chinese and Japanese write no spaces: a run of characters is one word, cut at their punctuation
    expect(retrievalTerms('登录失败，请重试。')).toEqual(['登录失败', '请重试']);
    expect(retrievalTerms('ログイン エラー')).toEqual(['ログイン', 'エラー']);
    expect(retrievalTerms('Größe crashes')).toEqual(['größe', 'crash']);
  });
});

describe('createSimilarityIndex', () => {
  it('matches a different form of the same word (stemming)', () => {
    const index = board();
    expect(index.similar({ title: 'crash when logging in' }, 3)[0]?.id).toBe('login');
    expect(index.similar({ title: 'exporting' }, 3).map((hit) => hit.id)).toEqual(['export']);
  });

  it('returns at most k results, best first, with positive scores', () => {
    const index = board();
    const hits = index.similar({ title: 'theme crashes', description: 'dark login' }, 2);
    expect(hits).toHaveLength(2);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
    expect(hits.every((hit) => hit.score > 0)).toBe(true);
  });

  it('finds nothing for a query of stop words or unknown words', () => {
    const index = board();
    expect(index.similar({ title: 'the and of' }, 5)).toEqual([]);
    expect(index.similar({ title: 'zygomorphic' }, 5)).toEqual([]);
  });

  it('finds an exact duplicate written in Cyrillic, Greek, Chinese or Japanese', () => {
    const index = board();
    const titles = { ru: 'Ошибка входа', el: 'Σφάλμα σύνδεσης', zh: '登录失败，请重试', ja: 'ログイン エラー' };
    for (const [id, title] of Object.entries(titles)) index.add({ id, title });
    for (const [id, title] of Object.entries(titles)) expect(index.similar({ title }, 3).map((hit) => hit.id)).toEqual([id]);
    expect(index.similar({ title: 'ОШИБКА ВХОДА' }, 3).map((hit) => hit.id)).toEqual(['ru']);
    expect(index.similar({ title: '登录失败' }, 3).map((hit) => hit.id)).toEqual(['zh']);
  });

  it('weighs the title more than the description', () => {
    const index = createSimilarityIndex();
    index.add({ id: 'in-title', title: `disk quota ${FILLER}`, description: 'golf hotel india juliet kilo lima' });
    index.add({ id: 'in-body', title: `golf hotel india juliet kilo lima`, description: `disk quota ${FILLER}` });
    const hits = index.similar({ title: 'disk quota' }, 2);
    expect(hits.map((hit) => hit.id)).toEqual(['in-title', 'in-body']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('searches the acceptance criteria', () => {
    const index = board();
    expect(index.similar({ title: 'system setting' }, 1)[0]?.id).toBe('dark');
  });

  it('forgets a removed item, and removing an unknown id is harmless', () => {
    const index = board();
    index.remove('login');
    index.remove('never-there');
    expect(index.size).toBe(2);
    expect(index.similar({ title: 'login crashes' }, 5)).toEqual([]);
  });

  it('replaces an item added again with the same id', () => {
    const index = board();
    index.add({ id: 'login', title: 'Password reset mail is late' });
    expect(index.size).toBe(3);
    expect(index.similar({ title: 'login crashes' }, 5)).toEqual([]);
    expect(index.similar({ title: 'reset password' }, 5).map((hit) => hit.id)).toEqual(['login']);
  });

  it('keeps its statistics incrementally: after adds, replacements and removals it scores as one built afresh', () => {
    const edited = board();
    edited.add({ id: 'gone', title: 'Crash reports pile up', description: 'crash crash crash' });
    edited.add({ id: 'export', title: 'Export the backlog as a spreadsheet', description: 'CSV and XLSX' });
    edited.remove('gone');
    const fresh = createSimilarityIndex();
    fresh.add({ id: 'login', title: 'Login page crashes on submit', description: 'The form throws when the password is empty.' });
    fresh.add({ id: 'export', title: 'Export the backlog as a spreadsheet', description: 'CSV and XLSX' });
    fresh.add({ id: 'dark', title: 'Dark theme for the board', description: 'Night owls asked for darker colours.', acceptanceCriteria: ['The theme follows the system setting'] });
    const query = { title: 'crash on export', description: 'the spreadsheet theme crashes' };
    expect(edited.similar(query, 5)).toEqual(fresh.similar(query, 5));
  });

  it('leaves out excluded ids', () => {
    const index = board();
    const query = { title: 'Login page crashes on submit' };
    expect(index.similar(query, 1)[0]?.id).toBe('login');
    expect(index.similar(query, 5, { exclude: ['login'] }).map((hit) => hit.id)).not.toContain('login');
  });

  it('breaks ties by id, whatever the order of adding', () => {
    const index = createSimilarityIndex();
    for (const id of ['c', 'a', 'b']) index.add({ id, title: 'Same words here' });
    const hits = index.similar({ title: 'same words' }, 3);
    expect(hits.map((hit) => hit.id)).toEqual(['a', 'b', 'c']);
    expect(new Set(hits.map((hit) => hit.score)).size).toBe(1);
    expect(index.similar({ title: 'same words' }, 3)).toEqual(hits);
  });

  it('gives the first k of the full ranking, though it skips common terms once the first k are settled', () => {
    const words = ['sync', 'board', 'estimate', 'crash', 'login', 'export', 'sprint', 'filter', 'slow', 'theme', 'comment', 'import', 'deck', 'poker', 'offline'];
    const word = (n: number) => words[n % words.length]!;
    const index = createSimilarityIndex();
    for (let n = 0; n < 300; n++) {
      index.add({ id: `item-${String(n).padStart(3, '0')}`, title: `${word(n)} ${word(n * 7 + 3)} ${n % 10 === 0 ? 'rare' : 'usual'}`, description: `${word(n * 3)} ${word(n * 11 + 1)} ${word(n * 13 + 5)}` });
    }
    const queries = [{ title: 'rare crash sync board usual' }, { title: 'slow theme', description: 'crash export login sprint usual' }, { title: 'deck poker offline rare', description: 'usual usual sync' }];
    for (const query of queries) {
      for (const k of [1, 3, 10]) {
        expect(index.similar(query, k)).toEqual(index.similar(query, 1000).slice(0, k));
        const exclude = index.similar(query, 2).map((hit) => hit.id);
        expect(index.similar(query, k, { exclude })).toEqual(index.similar(query, 1000, { exclude }).slice(0, k));
      }
    }
  });

  it('says which query words matched an item', () => {
    const index = board();
    expect(index.matches({ title: 'The login crashed', description: 'a form for passwords, crash in dark mode' }, 'login')).toEqual(['login', 'crashed', 'form', 'passwords', 'crash']);
    expect(index.matches({ title: 'login' }, 'unknown')).toEqual([]);
  });

  it('throws on a wrong argument, naming it, and changes nothing', () => {
    const index = board();
    const query = { title: 'login crashes', description: 'dark theme export' };
    const before = index.similar(query, 5);
    const wrong: [() => unknown, RegExp][] = [
      [() => index.add({ id: 7 as unknown as string, title: 'x' }), /id/],
      [() => index.add({ id: '', title: 'x' }), /id/],
      [() => index.add({ id: 'login', title: null as unknown as string }), /title/],
      [() => index.add({ id: 'login', title: 'New', description: 5 as unknown as string }), /description/],
      [() => index.add({ id: 'login', title: 'New', acceptanceCriteria: ['ok', 3 as unknown as string] }), /acceptanceCriteria/],
      [() => index.add(undefined as unknown as { id: string; title: string }), /item/],
      [() => index.remove(3 as unknown as string), /id/],
      [() => index.similar(query, 0), /\bk\b/],
      [() => index.similar(query, 2.5), /\bk\b/],
      [() => index.similar(query, Number.NaN), /\bk\b/],
      [() => index.similar({ title: 4 as unknown as string }, 3), /title/],
      [() => index.similar(query, 3, { exclude: 'login' as unknown as string[] }), /exclude/],
      [() => index.matches(query, 9 as unknown as string), /id/],
      [() => createSimilarityIndex({ k1: -1 }), /k1/],
      [() => createSimilarityIndex({ fields: { title: { b: 2 } } }), /title.*\bb\b/],
      [() => createSimilarityIndex({ fields: { description: { weight: Number.POSITIVE_INFINITY } } }), /description.*weight/],
    ];
    for (const [call, naming] of wrong) expect(call).toThrow(naming);
    expect(index.size).toBe(3);
    expect(index.similar(query, 5)).toEqual(before);
  });
});
