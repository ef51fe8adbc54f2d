/**
 * The labelled samples' rows, drawn with a seeded generator so the same rows
 * come out every time: 10 stories from each of the 22 backlogs in
 * ../shared/data/user-stories/dalpiaz_user_stories_all.csv (the first 5
 * drawn from a backlog are the `tune` half, the next 5 the `test` half), and
 * 60 bug reports from ../shared/data/jira-duplicates/hadoop_bugs.csv (the
 * first 30 drawn `tune`, the rest `test`). eval/labels/README.md says how
 * they were labelled.
 *
 *   node --import tsx eval/labels/sample.ts > rows.csv        the stories with empty label columns, to label by hand
 *   node --import tsx eval/labels/sample.ts bugs > bugs.csv   the same for the bug sample (Hadoop bug reports)
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { seededRandom } from '../../shared/planning/random.js';

export const SAMPLE_SEED = 14;
export const PER_SET = 10;
/** The checks labelled on the sample: the ones a story's one-line text can show. */
export const LABELLED_CHECKS = ['well-formed', 'no-benefit', 'atomic', 'minimal', 'uniform', 'vague-words'] as const;

export interface StoryRow {
  set: string;
  line: number;
  story: string;
}

/** Every story of the data set, with the "#G02# " marker taken off. */
export function readStories(data: string): StoryRow[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(`${data}user-stories/dalpiaz_user_stories_all.csv`, 'utf8'), { header: true, skipEmptyLines: true });
  return parsed.data.map((row) => ({
    set: row.dataset ?? '',
    line: Number(row.line),
    story: (row.story ?? '').replace(/^#G\d+#\s*/, '').trim(),
  }));
}

/** The sample: per backlog (in name order) a seeded shuffle's first PER_SET non-empty stories, the first half `tune`. */
export function sampleStories(stories: readonly StoryRow[]): (StoryRow & { split: 'tune' | 'test' })[] {
  const random = seededRandom(SAMPLE_SEED);
  const sets = [...new Set(stories.map((story) => story.set))].sort();
  const out: (StoryRow & { split: 'tune' | 'test' })[] = [];
  for (const set of sets) {
    const pool = stories.filter((story) => story.set === set);
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    // Four lines of the data hold only the backlog's marker: they are drawn like the others but not kept.
    pool.filter((story) => story.story !== '').slice(0, PER_SET).forEach((story, index) => out.push({ ...story, split: index < PER_SET / 2 ? 'tune' : 'test' }));
  }
  return out;
}

export const BUG_SAMPLE = 60;
/** The checks labelled on the bug sample. */
export const LABELLED_BUG_CHECKS = ['bug-no-steps', 'bug-no-expected-actual'] as const;

export interface BugRow {
  issue: string;
  summary: string;
  description: string;
}

/** The Hadoop bug reports of ../shared/data/jira-duplicates/hadoop_bugs.csv. */
export function readBugs(data: string): BugRow[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(`${data}jira-duplicates/hadoop_bugs.csv`, 'utf8'), { header: true, skipEmptyLines: true });
  return parsed.data.map((row) => ({ issue: row['Issue id'] ?? '', summary: row.Summary ?? '', description: row.Description ?? '' }));
}

/** The bug sample: BUG_SAMPLE reports of a seeded shuffle (seed SAMPLE_SEED), the first half `tune`. */
export function sampleBugs(bugs: readonly BugRow[]): (BugRow & { split: 'tune' | 'test' })[] {
  const random = seededRandom(SAMPLE_SEED);
  const pool = [...bugs];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, BUG_SAMPLE).map((bug, index) => ({ ...bug, split: index < BUG_SAMPLE / 2 ? 'tune' : 'test' }));
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === 'bugs') {
  const data = new URL('../../../shared/data/', import.meta.url).pathname;
  const rows = sampleBugs(readBugs(data)).map((row) => ({ issue: row.issue, split: row.split, summary: row.summary, ...Object.fromEntries(LABELLED_BUG_CHECKS.map((check) => [check, ''])) }));
  process.stdout.write(`${Papa.unparse(rows)}\n`);
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const data = new URL('../../../shared/data/', import.meta.url).pathname;
  const rows = sampleStories(readStories(data)).map((row) => ({ set: row.set, line: row.line, split: row.split, story: row.story, ...Object.fromEntries(LABELLED_CHECKS.map((check) => [check, ''])) }));
  process.stdout.write(`${Papa.unparse(rows)}\n`);
}
