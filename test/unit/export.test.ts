import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import Papa from 'papaparse';
import { addItem, applyImport, decodeImportBytes, endSession, exportBacklog, orderedItems, parseImport, sessionEstimatesCsv, setArchived, setBoardTitle, setFocus, startSession, updateItem } from '../../shared/index.js';

const jiraCloud = () => decodeImportBytes(new Uint8Array(readFileSync(new URL('../fixtures/import/jira-cloud.csv', import.meta.url))));
const rows = (csv: string) => Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data;

function sampleBoard(): Y.Doc {
  const doc = new Y.Doc();
  setBoardTitle(doc, 'Payments');
  const epic = addItem(doc, { title: 'Checkout', kind: 'epic' });
  addItem(doc, { title: 'Pay by card', parent: epic, estimate: 5, priority: 'must', labels: ['web', 'payments'], description: 'Cards first.', acceptanceCriteria: [{ text: 'declines show why' }, { text: '3-D Secure', done: true }], scoreInputs: { reach: 500, impact: 2, businessValue: 8 } });
  addItem(doc, { title: '=HYPERLINK("http://evil.example","click")', status: 'ready' });
  const gone = addItem(doc, { title: 'old idea' });
  setArchived(doc, [gone], true);
  return doc;
}

describe('exportBacklog', () => {
  it('JSON holds every field and importing it into an empty board gives the same board', () => {
    const doc = sampleBoard();
    const json = exportBacklog(doc, 'json');
    const copy = new Y.Doc();
    const plan = parseImport(json);
    expect(plan.format).toBe('board-json');
    expect(plan.errors).toEqual([]);
    expect(applyImport(copy, plan)).toEqual({ added: 4, updated: 0, unchanged: 0 });
    const strip = (doc: Y.Doc) => orderedItems(doc).map(({ order: _order, updatedAt: _updated, acceptanceCriteria, ...rest }) => ({ ...rest, acceptanceCriteria: acceptanceCriteria.map(({ text, done }) => ({ text, done })) }));
    expect(strip(copy)).toEqual(strip(doc));
    // And once more changes nothing.
    expect(applyImport(copy, parseImport(json))).toEqual({ added: 0, updated: 0, unchanged: 4 });
  });

  it('CSV uses Jira column names, a Labels column per label, and escapes cells a spreadsheet would run', () => {
    const csv = exportBacklog(sampleBoard(), 'csv');
    const [header, ...data] = rows(csv);
    expect(header).toEqual(['Summary', 'Issue key', 'Issue Type', 'Status', 'Priority', 'Story Points', 'Labels', 'Labels', 'Description', 'Parent key', 'Parent summary']);
    expect(data.map((row) => row[0])).toEqual(['Checkout', 'Pay by card', `'=HYPERLINK("http://evil.example","click")`]);
    expect(data[1]).toEqual(['Pay by card', '', 'Story', 'To Do', 'Highest', '5', 'payments', 'web', 'Cards first.\n\nAcceptance criteria:\n- [ ] declines show why\n- [x] 3-D Secure', '', 'Checkout']);
    for (const start of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) {
      const doc = new Y.Doc();
      addItem(doc, { title: 'x', description: start });
      const [head, row] = rows(exportBacklog(doc, 'csv'));
      expect(row![head!.indexOf('Description')]).toBe(`'${start}`);
    }
    // Our importer reads the escape back.
    const again = parseImport(csv, { format: 'csv' });
    expect(again.items.map((item) => item.fields.title)).toEqual(['Checkout', 'Pay by card', '=HYPERLINK("http://evil.example","click")']);
    expect(again.items[1]!.fields.acceptanceCriteria).toEqual([
      { text: 'declines show why', done: false },
      { text: '3-D Secure', done: true },
    ]);
  });

  it('Markdown puts items under their epics with their criteria, as text', () => {
    const markdown = exportBacklog(sampleBoard(), 'markdown');
    expect(markdown).toBe(
      ['# Payments', '', '- =HYPERLINK("http://evil.example","click") (ready)', '', '## Checkout', '', '- Pay by card (5 pts, Must)', '  - [ ] declines show why', '  - [x] 3-D Secure', ''].join('\n'),
    );
  });

  it('exports only the given items, in board order', () => {
    const doc = sampleBoard();
    const [epic, card] = orderedItems(doc);
    const json = JSON.parse(exportBacklog(doc, 'json', { ids: [card!.id, epic!.id] })) as { items: { title: string }[] };
    expect(json.items.map((item) => item.title)).toEqual(['Checkout', 'Pay by card']);
    expect(() => exportBacklog(doc, 'json', { ids: ['nope'] })).toThrow(/unknown item id "nope"/);
    expect(() => exportBacklog(doc, 'xml' as never)).toThrow(/format must be one of csv, json, markdown, estimates-csv/);
  });

  it('the estimate write-back lists only Jira issues whose estimate changed here, keyed for an update', () => {
    const doc = new Y.Doc();
    applyImport(doc, parseImport(jiraCloud()));
    const byTitle = (title: string) => orderedItems(doc).find((item) => item.title === title)!;
    expect(rows(exportBacklog(doc, 'estimates-csv'))).toEqual([['Issue key', 'Issue id', 'Summary', 'Story Points']]);
    updateItem(doc, byTitle('Pay by card').id, { estimate: 8, title: 'Pay by card (renamed here)' });
    updateItem(doc, byTitle('Show receipt').id, { estimate: 2 });
    updateItem(doc, byTitle('Card form loses input on reload').id, { estimate: 3 });
    addItem(doc, { title: 'made here', estimate: 1 });
    expect(rows(exportBacklog(doc, 'estimates-csv'))).toEqual([
      ['Issue key', 'Issue id', 'Summary', 'Story Points'],
      ['PAY-2', '10002', 'Pay by card', '8'],
      ['PAY-4', '10004', 'Show receipt', '2'],
    ]);
    expect(rows(exportBacklog(doc, 'estimates-csv', { ids: [byTitle('Show receipt').id] }))).toEqual([
      ['Issue key', 'Issue id', 'Summary', 'Story Points'],
      ['PAY-4', '10004', 'Show receipt', '2'],
    ]);
  });
});

describe('estimate write-back from the data sets', () => {
  it('keys a Jira export without issue keys by issue id, and a spreadsheet of Jira keys by key', () => {
    const hadoop = new Y.Doc();
    applyImport(hadoop, parseImport(decodeImportBytes(new Uint8Array(readFileSync(new URL('../fixtures/import/hadoop-bugs-sample.csv', import.meta.url))))));
    const bug = orderedItems(hadoop)[0]!;
    updateItem(hadoop, bug.id, { estimate: 3 });
    expect(rows(exportBacklog(hadoop, 'estimates-csv'))[1]).toEqual(['', '13404344', bug.title, '3']);
    const points = new Y.Doc();
    applyImport(points, parseImport(decodeImportBytes(new Uint8Array(readFileSync(new URL('../fixtures/import/storypoints-sample.csv', import.meta.url))))));
    const story = orderedItems(points)[0]!;
    updateItem(points, story.id, { estimate: 13 });
    expect(rows(exportBacklog(points, 'estimates-csv'))).toEqual([
      ['Issue key', 'Issue id', 'Summary', 'Story Points'],
      ['MESOS-313', '', story.title, '13'],
    ]);
  });
});

describe('the write-back a grooming session offers', () => {
  it('holds exactly the Jira issues the session estimated, not others changed meanwhile', () => {
    const doc = new Y.Doc();
    applyImport(doc, parseImport(jiraCloud()));
    const id = (title: string) => orderedItems(doc).find((item) => item.title === title)!.id;
    const t0 = 1_000_000;
    expect(sessionEstimatesCsv(doc, t0)).toBeNull();
    startSession(doc, { facilitator: { id: 'ana', name: 'Ana' }, agenda: [id('Pay by card'), id('Show receipt')], now: t0 });
    setFocus(doc, id('Pay by card'), t0);
    updateItem(doc, id('Pay by card'), { estimate: 8 });
    setFocus(doc, id('Show receipt'), t0 + 60_000);
    // Estimated outside the session: not the session's to send back.
    updateItem(doc, id('Card form loses input on reload'), { estimate: 13 });
    endSession(doc, t0 + 120_000);
    const writeBack = sessionEstimatesCsv(doc, t0 + 120_000)!;
    expect(writeBack.issues).toBe(1);
    expect(rows(writeBack.csv)).toEqual([
      ['Issue key', 'Issue id', 'Summary', 'Story Points'],
      ['PAY-2', '10002', 'Pay by card', '8'],
    ]);
  });
});

