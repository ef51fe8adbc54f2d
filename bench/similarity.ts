/**
 * The duplicate finder's index on a board of `items` real issues (titles and
 * descriptions of ../shared/data/storypoints, Jira markup, HTML and logs as
 * exported; generated text when the data is not there): the time to load the
 * language model, to index them all, to add one more to the full index, and
 * to answer a query (issue 14's target: under 20 ms on 10,000 items). Queries
 * are issues not on the board, so each is tokenized as the app would: a full
 * item (title and description) and a title alone, as while typing.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import Papa from 'papaparse';
import { createSimilarityIndex, retrievalTerms } from '../shared/refinement/index.js';
import { median, percentile } from './stats.js';

const STORYPOINTS = new URL('../../shared/data/storypoints/', import.meta.url).pathname;
const QUERIES = 50;

interface Issue {
  id: string;
  title: string;
  description: string;
}

/** `count` issues: real ones in file order when the data is there, else generated. */
function issues(count: number): { issues: Issue[]; source: string } {
  const out: Issue[] = [];
  if (existsSync(STORYPOINTS)) {
    for (const file of readdirSync(STORYPOINTS).filter((name) => name.endsWith('.csv')).sort()) {
      if (out.length >= count) break;
      const parsed = Papa.parse<Record<string, string>>(readFileSync(`${STORYPOINTS}${file}`, 'utf8'), { header: true, skipEmptyLines: true });
      for (const record of parsed.data.slice(0, count - out.length)) out.push({ id: record['issuekey'] ?? `${file}-${out.length}`, title: record['title'] ?? '', description: record['description'] ?? '' });
    }
    if (out.length === count) return { issues: out, source: 'real issues of ../shared/data/storypoints' };
  }
  const words = ['sync', 'board', 'estimate', 'crash', 'login', 'export', 'sprint', 'filter', 'slow', 'theme', 'comment', 'import'];
  const pick = (n: number, salt: number) => words[(n * 7 + salt * 5) % words.length]!;
  return {
    issues: Array.from({ length: count }, (_, n) => ({ id: `GEN-${n}`, title: `${pick(n, 1)} ${pick(n, 2)} ${pick(n, 3)} issue ${n}`, description: `h2. Context\n${pick(n, 4)} and ${pick(n, 5)} fail *often*.\n* ${pick(n, 6)}` })),
    source: 'generated issues (../shared/data was not found)',
  };
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** Figures for the model scenario's row, and a note saying what they are. */
export function similarityFigures(items: number): { row: Record<string, string>; note: string } {
  const { issues: all, source } = issues(items + QUERIES + 20);
  const board = all.slice(0, items);
  const queries = all.slice(items, items + QUERIES);
  const extra = all.slice(items + QUERIES);
  const timed = (action: () => void) => {
    const started = performance.now();
    action();
    return performance.now() - started;
  };
  // The first call makes the one wink-nlp instance (the module import is not counted).
  const loadMs = timed(() => retrievalTerms('warm up'));
  const index = createSimilarityIndex();
  const buildMs = timed(() => {
    for (const issue of board) index.add(issue);
  });
  for (const query of queries.slice(0, 5)) index.similar(query, 10);
  const full = queries.map((query) => timed(() => index.similar(query, 10)));
  const titles = queries.map((query) => timed(() => index.similar({ title: query.title }, 10)));
  // One more item into the full index, then out again, so that each add meets the same size.
  const adds = extra.map((issue) => {
    const ms = timed(() => index.add(issue));
    index.remove(issue.id);
    return ms;
  });
  const ms = (values: number[]) => `${round(median(values), 2)} / ${round(percentile(values, 95), 2)}`;
  return {
    row: {
      'similar() ms, item / title only (median / p95 of 50)': `${ms(full)}; ${ms(titles)}`,
      'similarity index: build ms (µs per item), add one ms, model load ms': `${round(buildMs, 0)} (${round((buildMs * 1000) / items, 0)}), ${round(median(adds), 2)}, ${round(loadMs, 0)}`,
    },
    note: `Duplicate finder: a BM25F index (shared/refinement/similarity.ts) of ${items} ${source}, titles and descriptions as exported; ${QUERIES} queries are other issues of the data (not on the board), each the top 10 with its tokenizing (wink-nlp), as a whole item and as its title alone, after 5 to warm up; "add one" is the median of ${extra.length} issues added to the full index (and removed again). Target: a query under 20 ms on 10,000 items.`,
  };
}
