/**
 * The quality checks (shared/refinement/quality.ts) against real items
 * labelled by hand (eval/labels/README.md: how, the guideline per check, the
 * seed): 220 user stories for the checks a one-line story can show, 60
 * Hadoop bug reports for the two bug checks. The rules were tuned on the
 * `tune` half of each sample only; the `test` half is the held-out figure.
 * Also: what `unique` flags over all 1,680 stories, each compared with the
 * rest of its backlog, and what `well-formed` flags outside the sample.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import * as Y from 'yjs';
import { addItem, orderedItems, MAX_TITLE_LENGTH, MAX_DESCRIPTION_LENGTH, type ItemSnapshot, type NewItemFields } from '../shared/index.js';
import { DEFAULT_QUALITY_CHECKS, storyQuality, storyTemplate, type QualityCheck, type QualityOptions, type StoryTemplate } from '../shared/refinement/quality.js';
import { LABELLED_BUG_CHECKS, LABELLED_CHECKS, readBugs, readStories, sampleBugs, sampleStories } from './labels/sample.js';

const LABELS = new URL('./labels/', import.meta.url).pathname;
/** A check below this held-out precision is off by default (issue 14). */
const MIN_PRECISION = 0.8;

interface Labelled {
  key: string;
  split: 'tune' | 'test';
  item: ItemSnapshot;
  options: QualityOptions;
  labels: Record<string, boolean>;
}

/** A committed label file, its 0/1 columns checked. */
function readLabels(file: string, checks: readonly string[]): Record<string, string>[] {
  const rows = Papa.parse<Record<string, string>>(readFileSync(`${LABELS}${file}`, 'utf8'), { header: true, skipEmptyLines: true }).data;
  rows.forEach((row, index) => {
    for (const check of checks) {
      if (row[check] !== '0' && row[check] !== '1') throw new Error(`eval/labels/${file} row ${index + 2}: ${check} must be 0 or 1, got ${JSON.stringify(row[check])}`);
    }
  });
  return rows;
}

/** Items as a board holds them after an import, in the order given. */
function boardItems(fields: readonly NewItemFields[]): ItemSnapshot[] {
  const doc = new Y.Doc();
  const ids = fields.map((field) => addItem(doc, { ...field, title: field.title.slice(0, MAX_TITLE_LENGTH), description: (field.description ?? '').slice(0, MAX_DESCRIPTION_LENGTH) }));
  const byId = new Map(orderedItems(doc).map((item) => [item.id, item]));
  return ids.map((id) => byId.get(id)!);
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  n: number;
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
const figure = (value: number | null) => (value === null ? 'n/a' : value.toFixed(2));

/** Wilson score interval (95 %) for a proportion: small supports get wide intervals, said out loud. */
function wilson(successes: number, total: number): string {
  if (total === 0) return 'n/a';
  const z = 1.96;
  const p = successes / total;
  const centre = (p + (z * z) / (2 * total)) / (1 + (z * z) / total);
  const half = (z * Math.sqrt((p * (1 - p)) / total + (z * z) / (4 * total * total))) / (1 + (z * z) / total);
  return `${Math.max(0, centre - half).toFixed(2)}–${Math.min(1, centre + half).toFixed(2)}`;
}

function count(rows: readonly Labelled[], fired: Map<Labelled, Set<string>>, check: string): Counts {
  const counts: Counts = { tp: 0, fp: 0, fn: 0, n: rows.length };
  for (const row of rows) {
    const flagged = fired.get(row)!.has(check);
    if (flagged && row.labels[check]) counts.tp++;
    else if (flagged) counts.fp++;
    else if (row.labels[check]) counts.fn++;
  }
  return counts;
}

/**
 * Per check: support, flags, precision with its interval, recall, and the
 * precision of a check that always fires (the share labelled 1), which a
 * rule has to beat to tell anyone anything.
 */
function table(rows: readonly Labelled[], fired: Map<Labelled, Set<string>>, checks: readonly string[]): string {
  const lines = ['| check | rows | support (labelled 1) | flagged | TP | FP | FN | precision | 95 % interval | recall | always-fire precision |', '|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|'];
  for (const check of checks) {
    const c = count(rows, fired, check);
    const support = c.tp + c.fn;
    lines.push(`| ${check} | ${c.n} | ${support} | ${c.tp + c.fp} | ${c.tp} | ${c.fp} | ${c.fn} | ${figure(ratio(c.tp, c.tp + c.fp))} | ${wilson(c.tp, c.tp + c.fp)} | ${figure(ratio(c.tp, support))} | ${figure(ratio(support, c.n))} |`);
  }
  return lines.join('\n');
}

function run(rows: readonly Labelled[], checks: readonly string[]): Map<Labelled, Set<string>> {
  return new Map(rows.map((row) => [row, new Set(storyQuality(row.item, { ...row.options, checks: checks as readonly QualityCheck[] }).map((finding) => finding.check))]));
}

export async function evaluateQuality(data: string): Promise<string> {
  // Stories: the committed rows must be the seeded sample, so that anyone can redraw and check them.
  const allStories = readStories(data);
  const stories = allStories.filter((story) => story.story !== '');
  const storyRows = readLabels('user-stories.csv', LABELLED_CHECKS);
  const drawn = sampleStories(allStories);
  if (storyRows.length !== drawn.length || storyRows.some((row, i) => row.set !== drawn[i]!.set || Number(row.line) !== drawn[i]!.line || row.split !== drawn[i]!.split || row.story !== drawn[i]!.story)) {
    throw new Error('eval/labels/user-stories.csv does not hold the seeded sample of eval/labels/sample.ts: redraw it or fix the file');
  }
  const sets = [...new Set(stories.map((story) => story.set))].sort();
  const templates = new Map<string, StoryTemplate>(sets.map((set) => [set, storyTemplate(stories.filter((story) => story.set === set).map((story) => story.story))]));
  const storyItems = boardItems(storyRows.map((row) => ({ title: row.story!, kind: 'story' })));
  const labelledStories: Labelled[] = storyRows.map((row, i) => ({
    key: `${row.set}:${row.line}`,
    split: row.split === 'test' ? 'test' : 'tune',
    item: storyItems[i]!,
    options: { template: templates.get(row.set!)! },
    labels: Object.fromEntries(LABELLED_CHECKS.map((check) => [check, row[check] === '1'])),
  }));

  // Bugs: likewise.
  const bugs = new Map(readBugs(data).map((bug) => [bug.issue, bug]));
  const bugRows = readLabels('hadoop-bugs.csv', LABELLED_BUG_CHECKS);
  const drawnBugs = sampleBugs([...bugs.values()]);
  if (bugRows.length !== drawnBugs.length || bugRows.some((row, i) => row.issue !== drawnBugs[i]!.issue || row.split !== drawnBugs[i]!.split)) {
    throw new Error('eval/labels/hadoop-bugs.csv does not hold the seeded sample of eval/labels/sample.ts: redraw it or fix the file');
  }
  const bugItems = boardItems(bugRows.map((row) => ({ title: bugs.get(row.issue!)!.summary.trim().replace(/\s+/g, ' '), description: bugs.get(row.issue!)!.description, kind: 'bug' })));
  const labelledBugs: Labelled[] = bugRows.map((row, i) => ({
    key: row.issue!,
    split: row.split === 'test' ? 'test' : 'tune',
    item: bugItems[i]!,
    options: {},
    labels: Object.fromEntries(LABELLED_BUG_CHECKS.map((check) => [check, row[check] === '1'])),
  }));

  const started = performance.now();
  const storyFired = run(labelledStories, LABELLED_CHECKS);
  const perStory = (performance.now() - started) / labelledStories.length;
  const bugFired = run(labelledBugs, LABELLED_BUG_CHECKS);
  const heldStories = labelledStories.filter((row) => row.split === 'test');
  const heldBugs = labelledBugs.filter((row) => row.split === 'test');

  // Defaults follow the held-out figures: on when precision is at least MIN_PRECISION and beats always firing.
  const decisions: string[] = [];
  const mismatches: string[] = [];
  const decide = (check: QualityCheck, rows: readonly Labelled[], fired: Map<Labelled, Set<string>>) => {
    const c = count(rows, fired, check);
    const precision = ratio(c.tp, c.tp + c.fp);
    const base = (c.tp + c.fn) / c.n;
    const earns = precision !== null && precision >= MIN_PRECISION && precision > base;
    const on = DEFAULT_QUALITY_CHECKS.includes(check);
    if (precision !== null && on !== earns) mismatches.push(`${check} is ${on ? 'on' : 'off'} by default with held-out precision ${precision.toFixed(2)} (always firing: ${base.toFixed(2)})`);
    const why = precision === null ? 'not measurable: it flagged none of the held-out rows, and none is labelled 1; see below' : earns ? `${precision.toFixed(2)}, above ${MIN_PRECISION} and above always firing, ${base.toFixed(2)}` : precision < MIN_PRECISION ? `${precision.toFixed(2)}, below ${MIN_PRECISION}` : `${precision.toFixed(2)}, no better than always firing, ${base.toFixed(2)}`;
    decisions.push(`- \`${check}\`: ${on ? '**on**' : 'off'} by default (held-out precision ${why})`);
  };
  for (const check of LABELLED_CHECKS) decide(check, heldStories, storyFired);
  for (const check of LABELLED_BUG_CHECKS) decide(check, heldBugs, bugFired);
  if (mismatches.length > 0) throw new Error(`DEFAULT_QUALITY_CHECKS does not match the measurement: ${mismatches.join('; ')}`);
  const measured: readonly string[] = [...LABELLED_CHECKS, ...LABELLED_BUG_CHECKS];
  const unmeasured = (['unique', 'no-acceptance-criteria', 'untestable-criteria', 'estimate-too-large', 'spike-no-question', 'spike-no-timebox', 'task-not-actionable'] as const)
    .filter((check) => !measured.includes(check))
    .map((check) => `\`${check}\` ${DEFAULT_QUALITY_CHECKS.includes(check) ? '(on)' : '(off)'}`);

  // unique: every story against the other stories of its backlog, by normalised title.
  const duplicates: string[] = [];
  for (const set of sets) {
    const backlog = stories.filter((story) => story.set === set);
    const items = boardItems(backlog.map((story) => ({ title: story.story, kind: 'story' })));
    const titles = new Map(items.map((item) => [item.id, item.title]));
    items.forEach((item, i) => {
      if (storyQuality(item, { checks: ['unique'], titles }).length > 0) duplicates.push(`${set} line ${backlog[i]!.line}: “${backlog[i]!.story}”`);
    });
  }

  // well-formed: every labelled story has a role and a goal, so its flags on the other stories are listed for review.
  const labelled = new Set(labelledStories.map((row) => row.key));
  const others = stories.filter((story) => !labelled.has(`${story.set}:${story.line}`));
  const malformed = boardItems(others.map((story) => ({ title: story.story, kind: 'story' })))
    .map((item, i) => ({ item, story: others[i]! }))
    .filter(({ item }) => storyQuality(item, { checks: ['well-formed'] }).length > 0)
    .map(({ story }) => `${story.set} line ${story.line}: “${story.story}”`);

  const half = (rows: readonly Labelled[], split: string) => rows.filter((row) => row.split === split).length;
  return [
    `Hand labels (\`eval/labels/README.md\`: who labelled, the guideline per check, the seed, the close calls), made before the rules were tuned (the story labels before any rule was written); the rules were then tuned on the \`tune\` half of each sample only, and the \`test\` half was scored once, after tuning. A 1 in the labels means the check should fire. "Always-fire precision" is what a check that fires on every row would score: a rule has to beat it.`,
    '',
    `- **Stories**: ${labelledStories.length} real user stories, 10 from each of the 22 backlogs of \`user-stories/\` (Dalpiaz, Mendeley Data doi 10.17632/7zbk8zsd8y), drawn with seed 14 (${half(labelledStories, 'tune')} tune, ${half(labelledStories, 'test')} test), each imported as a story item with its one line as the title. Each backlog's template for \`uniform\` is \`storyTemplate\` over all its stories.`,
    `- **Bugs**: ${labelledBugs.length} Hadoop bug reports from \`jira-duplicates/hadoop_bugs.csv\` (GitBugs, CC BY 4.0), drawn with seed 14 (${half(labelledBugs, 'tune')} tune, ${half(labelledBugs, 'test')} test), imported as bug items (summary as title, description).`,
    '',
    `### Held out (${heldStories.length} stories, ${heldBugs.length} bug reports)`,
    '',
    table(heldStories, storyFired, LABELLED_CHECKS),
    table(heldBugs, bugFired, LABELLED_BUG_CHECKS).split('\n').slice(2).join('\n'),
    '',
    `### All rows (for information: half of them were used for tuning)`,
    '',
    table(labelledStories, storyFired, LABELLED_CHECKS),
    table(labelledBugs, bugFired, LABELLED_BUG_CHECKS).split('\n').slice(2).join('\n'),
    '',
    '### On by default',
    '',
    `A check is on by default when its held-out precision is at least ${MIN_PRECISION} and above the always-fire precision; below ${MIN_PRECISION} it is off (\`DEFAULT_QUALITY_CHECKS\` in shared/refinement/quality.ts; this evaluation fails when the two disagree).`,
    '',
    ...decisions,
    '',
    `Not measured, because the samples hold no criteria, estimates, spikes or tasks: ${unmeasured.join(', ')}. The ones that are on only count or compare (criteria present, the estimate against the board's limit, the same normalised title twice); the heuristic ones stay off until they are measured.`,
    '',
    `\`well-formed\` cannot be measured on the story sample (every labelled story has a role and a goal). On the ${others.length} stories outside it, it flags ${malformed.length}, listed here for review:`,
    '',
    ...malformed.map((line) => `- ${line}`),
    '',
    `\`unique\` over all ${stories.length} stories, each against the rest of its backlog (exact title after lower-casing and dropping punctuation): ${duplicates.length} flagged${duplicates.length === 0 ? '.' : ':'}`,
    '',
    ...duplicates.map((line) => `- ${line}`),
    '',
    `Speed: ${perStory.toFixed(1)} ms per story for the six story checks (wink-nlp tagging included), after the model loaded.`,
    '',
    "Weak: the supports are small (a handful of positives for minimal and uniform in the held-out half, so one error moves precision by 0.2 or more: see the intervals); every story in the data set has a role and a goal, so `well-formed` is not tested by it; most Hadoop \"bugs\" are tasks and improvements, so the bug checks' positives are mostly reports with nothing to reproduce, and always firing already scores high; one annotator, no agreement figure; the stories were cleaned by the data set's authors, so real boards will have more and other defects than these.",
  ].join('\n');
}
