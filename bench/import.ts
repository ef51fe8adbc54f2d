/**
 * 8. Import: a Jira CSV export of `rows` issues (real issues from the team's
 * story-point data set when ../shared/data is there, else generated ones) is
 * parsed, applied to an empty board in steps (as the app does), received
 * step by step by a second replica, and imported again (nothing changes).
 * Medians of three runs, in Node; the app parses in a Web Worker, so what
 * holds a page is one step at a time.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import Papa from 'papaparse';
import * as Y from 'yjs';
import { applyImport, importSteps, orderedItems, parseImport } from '../shared/index.js';
import { csvCell } from '../shared/export/index.js';
import { median } from './stats.js';
import type { ScenarioResult, Sizes } from './scenarios.js';

const DATA = new URL('../../shared/data/storypoints/', import.meta.url).pathname;
const HEADER = ['Summary', 'Issue key', 'Issue id', 'Issue Type', 'Status', 'Priority', 'Description', 'Custom field (Story Points)', 'Labels', 'Labels'];
const STATUSES = ['To Do', 'In Progress', 'Done', 'Open', 'Resolved'];
const PRIORITIES = ['Major', 'Minor', 'Critical', 'Blocker', 'Trivial'];

function sourceRows(rows: number): { rows: string[][]; source: string } {
  const out: string[][] = [];
  if (existsSync(DATA)) {
    for (const file of readdirSync(DATA).sort()) {
      const records = Papa.parse<string[]>(readFileSync(`${DATA}${file}`, 'utf8'), { skipEmptyLines: true }).data.slice(1);
      for (const [key, title, description, points] of records) {
        if (out.length === rows) break;
        const n = out.length;
        out.push([title ?? '', key ?? '', String(100000 + n), n % 7 === 0 ? 'Bug' : 'Story', STATUSES[n % 5]!, PRIORITIES[n % 5]!, description ?? '', points ?? '', `team-${n % 4}`, n % 3 === 0 ? 'ux' : '']);
      }
    }
    if (out.length === rows) return { rows: out, source: `the first ${rows} issues of ../shared/data/storypoints (real titles, Jira markup and HTML)` };
  }
  out.length = 0;
  for (let n = 0; n < rows; n++) out.push([`Generated issue ${n}`, `GEN-${n}`, String(100000 + n), 'Story', STATUSES[n % 5]!, PRIORITIES[n % 5]!, `h2. Context\nIssue ${n} needs *work*.\n* one\n* two`, String(n % 13), `team-${n % 4}`, '']);
  return { rows: out, source: `${rows} generated issues (../shared/data was not found)` };
}

export async function importScenario(sizes: Sizes): Promise<ScenarioResult> {
  const { rows: wanted } = sizes.import;
  const { rows, source } = sourceRows(wanted);
  const csv = [HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n');
  const timed = <T>(action: () => T): [T, number] => {
    const started = performance.now();
    const result = action();
    return [result, performance.now() - started];
  };
  const parse: number[] = [];
  const applyTotal: number[] = [];
  const applyStep: number[] = [];
  const receiveTotal: number[] = [];
  const receiveStep: number[] = [];
  const render: number[] = [];
  const again: number[] = [];
  let largest = 0;
  let steps = 0;
  let items = 0;
  for (let run = 0; run < 3; run++) {
    const [plan, parseMs] = timed(() => parseImport(csv, { fileName: 'export.csv' }));
    if (plan.errors.length > 0) throw new Error(`the generated export did not parse: ${plan.errors[0]!.message}`);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const stepper = importSteps(doc, plan);
    const stepMs: number[] = [];
    for (;;) {
      const [result, ms] = timed(() => stepper.next());
      if (result === null) break;
      stepMs.push(ms);
    }
    const remote = new Y.Doc();
    const remoteMs = updates.map((update) => timed(() => Y.applyUpdate(remote, update))[1]);
    const [list, renderMs] = timed(() => orderedItems(remote));
    const [result, againMs] = timed(() => applyImport(doc, parseImport(csv, { fileName: 'export.csv' })));
    if (result.unchanged !== plan.items.length) throw new Error(`importing again changed ${plan.items.length - result.unchanged} items`);
    parse.push(parseMs);
    applyTotal.push(stepMs.reduce((a, b) => a + b, 0));
    applyStep.push(Math.max(...stepMs));
    receiveTotal.push(remoteMs.reduce((a, b) => a + b, 0));
    receiveStep.push(Math.max(...remoteMs));
    render.push(renderMs);
    again.push(againMs);
    largest = Math.max(...updates.map((update) => update.length));
    steps = updates.length;
    items = list.length;
    await new Promise((resolve) => setImmediate(resolve));
  }
  const ms = (values: number[]) => Math.round(median(values));
  return {
    title: `Import: a Jira CSV export of ${wanted.toLocaleString('en')} issues`,
    rows: [
      {
        relay: 'ours',
        'file MB': Math.round((csv.length / 1024 / 1024) * 10) / 10,
        'parse ms': ms(parse),
        'apply ms: total / longest step': `${ms(applyTotal)} / ${ms(applyStep)}`,
        'steps, largest update bytes': `${steps}, ${largest}`,
        'second replica ms: total / longest step / first list': `${ms(receiveTotal)} / ${ms(receiveStep)} / ${ms(render)}`,
        'import again (all unchanged) ms': ms(again),
        items,
      },
    ],
    notes: [`Data: ${source}. Medians of three runs in Node on this machine. In the app parsing runs in a Web Worker and the apply goes in steps of 500 items with a pause between them, so a page is held for one step at a time, for the importer and for everyone receiving it.`],
  };
}
