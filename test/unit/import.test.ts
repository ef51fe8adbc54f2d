import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, applyImport, decodeImportBytes, detectFormat, importSteps, itemSource, orderedItems, parseImport, type ImportPlan, type PlannedItem } from '../../shared/index.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));
const text = (name: string) => decodeImportBytes(new Uint8Array(fixture(name)));
const byKey = (plan: ImportPlan, key: string): PlannedItem => {
  const item = plan.items.find((candidate) => candidate.source.key === key);
  if (item === undefined) throw new Error(`no item ${key} in the plan`);
  return item;
};
const titles = (doc: Y.Doc) => orderedItems(doc).map((item) => item.title);

describe('detectFormat', () => {
  it('tells each format from its content, and the file name where the content is ambiguous', () => {
    expect(detectFormat(text('jira-cloud.csv'))).toBe('jira-csv');
    expect(detectFormat(text('jira-server-semicolon.csv'))).toBe('jira-csv');
    expect(detectFormat(text('storypoints-sample.csv'))).toBe('csv');
    expect(detectFormat(text('hadoop-bugs-sample.csv'))).toBe('jira-csv');
    expect(detectFormat(text('user-stories-sample.txt'))).toBe('text');
    expect(detectFormat('# Epic\n- one\n- two')).toBe('text');
    expect(detectFormat('fix the login, then the logout\nadd search')).toBe('text');
    expect(detectFormat('[{"number": 1, "title": "x"}]')).toBe('github-json');
    expect(detectFormat('{"format": "refinement-board", "items": []}')).toBe('board-json');
    expect(detectFormat('a,b\n1,2', 'list.md')).toBe('text');
  });
});

describe('Jira CSV', () => {
  const plan = parseImport(text('jira-cloud.csv'));

  it('reads every row of a Cloud export by column name, repeated columns included', () => {
    expect(plan.format).toBe('jira-csv');
    expect(plan.errors).toEqual([]);
    expect(plan.items.map((item) => item.source.key)).toEqual(['PAY-1', 'PAY-2', 'PAY-3', 'PAY-4', 'PAY-5']);
    const card = byKey(plan, 'PAY-2');
    expect(card.fields).toMatchObject({ title: 'Pay by card', kind: 'story', status: 'new', priority: 'must', estimate: 5, labels: ['payments', 'web'] });
    expect(card.fields.createdAt).toBe(Date.UTC(2026, 1, 12, 19, 10));
    // When the tracker last changed it: imported items keep it, so the stale-item review sees a long-untouched issue.
    expect(byKey(plan, 'PAY-1').fields.updatedAt).toBe(Date.UTC(2026, 1, 26, 9, 1));
    const doc = new Y.Doc();
    applyImport(doc, plan);
    expect(orderedItems(doc).find((item) => item.title === 'Checkout revamp')!.updatedAt).toBe(Date.UTC(2026, 1, 26, 9, 1));
    expect(card.parentKey).toBe('PAY-1');
    expect(card.source).toMatchObject({ system: 'jira', key: 'PAY-2', issueId: '10002', importedEstimate: 5 });
    expect(byKey(plan, 'PAY-1').fields.kind).toBe('epic');
    expect(plan.mapping).toMatchObject({ key: 'Issue key', title: 'Summary', estimate: 'Custom field (Story Points)' });
  });

  it('turns wiki markup and HTML into readable text and finds the acceptance criteria', () => {
    const card = byKey(plan, 'PAY-2');
    expect(card.fields.acceptanceCriteria).toEqual([
      { text: 'declines show the reason', done: false },
      { text: '3-D Secure works', done: false },
    ]);
    expect(card.fields.description).toBe('Context\nCustomers want to pay by card, not only by invoice.\n\nSee the spec (https://example.com/spec).');
    const bug = byKey(plan, 'PAY-3');
    expect(bug.fields.description).toContain('const form = load(); // *not* bold');
    expect(bug.fields.acceptanceCriteria).toEqual([{ text: 'Given a half-filled form\nWhen the page reloads\nThen the input is kept', done: false }]);
    expect(bug.fields.estimate).toBe(3);
    // An unknown status falls back on Jira's status category.
    expect(bug.fields.status).toBe('in-progress');
    const task = byKey(plan, 'PAY-4');
    expect(task.fields.description).toBe('Hello world & friends (https://example.com)');
    expect(task.fields.status).toBe('done');
  });

  it('warns, with the row, about what it cut, guessed or left out', () => {
    const row = byKey(plan, 'PAY-5').row;
    const messages = plan.warnings.filter((warning) => warning.row === row).map((warning) => warning.message);
    expect(messages).toEqual([
      'title is 600 characters long: cut to 500',
      'estimate "banana" is not a number of points: left out',
      'priority "Whatever" is not known here: left unprioritised',
    ]);
    expect(byKey(plan, 'PAY-5').fields.kind).toBe('enhancement');
    expect(row).toBeGreaterThan(4);
  });

  it('reads a Server export saved with semicolons and a BOM, with epic links, parent ids and comma decimals', () => {
    const server = parseImport(text('jira-server-semicolon.csv'));
    expect(server.errors).toEqual([]);
    expect(byKey(server, 'SRCH-11')).toMatchObject({ parentKey: 'SRCH-10', fields: { priority: 'must', status: 'in-progress', estimate: 2, labels: ['search'] } });
    expect(byKey(server, 'SRCH-12')).toMatchObject({ parentKey: 'SRCH-11', fields: { kind: 'task', status: 'done', estimate: 0.5, priority: 'wont' } });
    expect(byKey(server, 'SRCH-10').fields.createdAt).toBe(Date.UTC(2024, 2, 12, 15, 45));
  });

  it("reads Excel's UTF-16 tab-separated text the same", () => {
    const tabbed = text('jira-cloud.csv').replace(/,/g, '\t');
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(tabbed, 'utf16le'))]);
    const decoded = decodeImportBytes(utf16);
    expect(decoded.startsWith('Summary\tIssue key')).toBe(true);
    expect(parseImport(decoded).items.map((item) => item.source.key)).toEqual(['PAY-1', 'PAY-2', 'PAY-3', 'PAY-4', 'PAY-5']);
  });
});

describe('real data sets (samples of ../shared/data, licences in test/fixtures/import/README.md)', () => {
  it('imports the story-point data set as a generic CSV, with its mapping guessed', () => {
    const plan = parseImport(text('storypoints-sample.csv'));
    expect(plan.errors).toEqual([]);
    expect(plan.mapping).toMatchObject({ key: 'issuekey', title: 'title', description: 'description', estimate: 'storypoint' });
    expect(plan.items.length).toBe(20);
    expect(plan.items.every((item) => typeof item.fields.estimate === 'number')).toBe(true);
    expect(plan.items.some((item) => /<div>|\{html\}/.test(item.fields.description ?? ''))).toBe(false);
  });

  it('imports the Hadoop bug export as Jira CSV', () => {
    const plan = parseImport(text('hadoop-bugs-sample.csv'));
    expect(plan.errors).toEqual([]);
    expect(plan.items.length).toBe(20);
    expect(plan.items.every((item) => item.fields.kind === undefined && item.source.key.startsWith('id:'))).toBe(true);
  });

  it('imports a list of user stories, one per line', () => {
    const plan = parseImport(text('user-stories-sample.txt'));
    expect(plan.format).toBe('text');
    expect(plan.items.length).toBe(20);
    expect(plan.items[0]!.fields.title).toMatch(/^#G\d+# As a/);
  });
});

describe('plain text and Markdown', () => {
  it('makes one item per line or bullet, epics from headings, criteria from checkboxes under an item', () => {
    const plan = parseImport('# Checkout\n- Pay by card\n  - [ ] declines show why\n  - [x] 3-D Secure works\n1. Pay by invoice\n\n# Search\nFind by title');
    expect(plan.items.map((item) => [item.fields.title, item.fields.kind ?? null, item.parentKey])).toEqual([
      ['Checkout', 'epic', null],
      ['Pay by card', null, 'checkout'],
      ['Pay by invoice', null, 'checkout'],
      ['Search', 'epic', null],
      ['Find by title', null, 'search'],
    ]);
    expect(plan.items[1]!.fields.acceptanceCriteria).toEqual([
      { text: 'declines show why', done: false },
      { text: '3-D Secure works', done: true },
    ]);
  });
});

describe('applyImport', () => {
  it('adds the items in file order with their epics, and one undo removes them all', () => {
    const doc = new Y.Doc();
    const undo = new Y.UndoManager(doc.getMap('items'));
    const result = applyImport(doc, parseImport(text('jira-cloud.csv')));
    expect(result).toEqual({ added: 5, updated: 0, unchanged: 0 });
    const items = orderedItems(doc);
    expect(items.map((item) => item.title.slice(0, 20))).toEqual(['Checkout revamp', 'Pay by card', 'Card form loses inpu', 'Show receipt', 'X'.repeat(20)]);
    const epic = items[0]!;
    expect(items[1]!.parent).toBe(epic.id);
    expect(items[1]!.acceptanceCriteria.map((c) => c.text)).toEqual(['declines show the reason', '3-D Secure works']);
    expect(doc.getMap('items').get(items[1]!.id)).toBeInstanceOf(Y.Map);
    expect((doc.getMap('items').get(items[1]!.id) as Y.Map<unknown>).get('source')).toMatchObject({ system: 'jira', key: 'PAY-2' });
    undo.undo();
    expect(orderedItems(doc)).toEqual([]);
  });

  it('updates rather than duplicates when the same file comes again, and writes only what changed', () => {
    const doc = new Y.Doc();
    const file = text('jira-cloud.csv');
    applyImport(doc, parseImport(file));
    expect(applyImport(doc, parseImport(file))).toEqual({ added: 0, updated: 0, unchanged: 5 });
    const changed = file.replace('"","5.0"', '"","8"').replace(',,5.0,', ',,8,');
    expect(applyImport(doc, parseImport(changed))).toEqual({ added: 0, updated: 1, unchanged: 4 });
    expect(orderedItems(doc).find((item) => item.title === 'Pay by card')!.estimate).toBe(8);
    expect(orderedItems(doc)).toHaveLength(5);
  });

  it('places new items at the top, the bottom or after an item, keeping the file order', () => {
    const doc = new Y.Doc();
    const first = addItem(doc, { title: 'first' });
    addItem(doc, { title: 'last' });
    applyImport(doc, parseImport('a\nb'), { after: first });
    applyImport(doc, parseImport('top 1\ntop 2'), { after: null });
    expect(titles(doc)).toEqual(['top 1', 'top 2', 'first', 'a', 'b', 'last']);
  });

  it('converges to one item per key when two replicas import the same file at once', () => {
    const file = text('jira-cloud.csv');
    const left = new Y.Doc();
    const right = new Y.Doc();
    applyImport(left, parseImport(file));
    applyImport(right, parseImport(file), { after: null });
    Y.applyUpdate(left, Y.encodeStateAsUpdate(right));
    Y.applyUpdate(right, Y.encodeStateAsUpdate(left));
    expect(orderedItems(left)).toHaveLength(5);
    expect(orderedItems(left)).toEqual(orderedItems(right));
  });

  it('imports in steps, each its own transaction, to the same board as in one', () => {
    const plan = parseImport(text('jira-cloud.csv'));
    const whole = new Y.Doc();
    addItem(whole, { title: 'already here' });
    applyImport(whole, plan, { after: null });
    const stepped = new Y.Doc();
    addItem(stepped, { title: 'already here' });
    const updates: Uint8Array[] = [];
    stepped.on('update', (update: Uint8Array) => updates.push(update));
    const steps = importSteps(stepped, plan, { after: null }, 2);
    const results = [];
    for (let result = steps.next(); result !== null; result = steps.next()) results.push(result);
    expect(results).toEqual([
      { added: 2, updated: 0, unchanged: 0 },
      { added: 2, updated: 0, unchanged: 0 },
      { added: 1, updated: 0, unchanged: 0 },
    ]);
    expect(updates).toHaveLength(3);
    expect(steps.done).toBe(steps.total);
    const shape = (doc: Y.Doc) => {
      const items = orderedItems(doc);
      return items.map((item) => [item.title, items.find((parent) => parent.id === item.parent)?.title ?? null]);
    };
    expect(shape(stepped)).toEqual(shape(whole));
    expect(() => importSteps(stepped, plan, { after: null }, 0)).toThrow(/itemsPerStep must be 1 or more/);
  });

  it('refuses a plan with errors, or a bad place, and writes nothing', () => {
    const doc = new Y.Doc();
    expect(() => applyImport(doc, parseImport(''))).toThrow(/the plan has 1 error\(s\) and cannot be applied; the first: the file is empty/);
    expect(() => applyImport(doc, parseImport('a'), { after: 'nope' })).toThrow(/nope/);
    const bad = parseImport('a');
    bad.items[0]!.fields.status = 'sideways' as never;
    expect(() => applyImport(doc, bad)).toThrow(/row 1: status must be one of/);
    expect(doc.getMap('items').size).toBe(0);
    expect(doc.getMap('meta').size).toBe(0);
  });
});

describe('bad input', () => {
  const errors = (input: string) => parseImport(input).errors.map((error) => `${error.row ?? '-'}: ${error.message}`);

  it('names what is wrong with the file, with the row where there is one', () => {
    expect(errors('')).toEqual(['-: the file is empty']);
    expect(errors('\u0000\u0001PNG\u0002\u0003')).toEqual(['-: this is not a text file (it holds binary data): export CSV, JSON or plain text']);
    expect(errors('Summary,Issue key\n')).toEqual(['-: the file has a header and no rows below it']);
    expect(errors('Summary,Issue key\n"broken,PAY-1\nnext,PAY-2\n')).toEqual(['2: a quoted cell is never closed (unbalanced quotes): everything after it would run together']);
    expect(errors('x'.repeat(50 * 1024 * 1024))).toEqual(['-: the file holds 50.0 million characters; at most 32 million are imported at once (split it)']);
    const wide = `${Array.from({ length: 2000 }, (_, i) => `c${i}`).join(',')}\n${Array.from({ length: 2000 }, () => 'v').join(',')}`;
    expect(errors(wide)).toEqual(['1: the header has 2000 columns; a backlog export has far fewer (at most 1000 are read)']);
  });

  it('cuts a 10,000-character title with a warning and keeps markup as text', () => {
    const plan = parseImport(`${'t'.repeat(10_000)}\n<script>alert(1)</script> stays text`);
    expect(plan.errors).toEqual([]);
    expect(plan.warnings).toEqual([{ row: 1, message: 'title is 10000 characters long: cut to 500' }]);
    expect(plan.items[1]!.fields.title).toBe('<script>alert(1)</script> stays text');
  });
});

describe('Linear CSV', () => {
  it('reads the export by column name: labels in one cell, Linear priorities, parents, archived rows', () => {
    const plan = parseImport(text('linear.csv'));
    expect(plan.format).toBe('linear-csv');
    expect(plan.errors).toEqual([]);
    expect(plan.warnings).toEqual([]);
    expect(byKey(plan, 'ENG-2')).toMatchObject({
      parentKey: 'ENG-1',
      source: { system: 'linear', key: 'ENG-2' },
      fields: {
        title: 'Invite teammates by email',
        description: 'Let admins invite people.',
        status: 'new',
        priority: 'must',
        estimate: 3,
        labels: ['Feature', 'Growth'],
        acceptanceCriteria: [
          { text: 'an invite arrives within a minute', done: false },
          { text: 'links expire after 7 days', done: true },
        ],
        createdAt: Date.UTC(2024, 4, 15, 10),
      },
    });
    expect(byKey(plan, 'ENG-3').fields).toMatchObject({ kind: 'bug', priority: null, estimate: null, status: 'new' });
    expect(byKey(plan, 'ENG-4').fields).toMatchObject({ archived: true, status: 'done', priority: 'wont' });
    const doc = new Y.Doc();
    applyImport(doc, plan);
    const items = orderedItems(doc);
    expect(items.find((item) => item.title === 'Invite teammates by email')!.parent).toBe(items.find((item) => item.title === 'Onboarding')!.id);
  });
});

describe('GitHub issues JSON', () => {
  it('reads REST issue objects, skipping pull requests', () => {
    const plan = parseImport(text('github-rest.json'));
    expect(plan.format).toBe('github-json');
    expect(plan.errors).toEqual([]);
    expect(plan.items.map((item) => item.source.key)).toEqual(['acme/board#12', 'acme/board#13']);
    expect(plan.warnings).toEqual([{ row: 3, message: '#14 is a pull request: skipped' }]);
    expect(byKey(plan, 'acme/board#12')).toMatchObject({
      source: { url: 'https://github.com/acme/board/issues/12' },
      fields: { kind: 'enhancement', status: 'new', labels: ['enhancement'], acceptanceCriteria: [{ text: '`e` focuses the field', done: false }, { text: 'works in the panel', done: false }], createdAt: Date.UTC(2024, 2, 12, 15, 45) },
    });
    expect(byKey(plan, 'acme/board#13').fields).toMatchObject({ kind: 'bug', status: 'done', description: '' });
  });

  it('reads gh issue list --json output the same way', () => {
    const plan = parseImport(text('gh-issue-list.json'));
    expect(plan.format).toBe('github-json');
    expect(plan.items.map((item) => [item.source.key, item.fields.status])).toEqual([
      ['acme/board#20', 'new'],
      ['acme/board#21', 'done'],
    ]);
    expect(parseImport('{"nope": 1}').errors[0]!.message).toMatch(/not a list of GitHub issues/);
    expect(parseImport('[{"title": ').errors[0]!.message).toMatch(/^not valid JSON/);
  });
});

describe('priority mapping', () => {
  it("lists every priority value of the file with what it became, and takes the person's choices over the defaults", () => {
    const plan = parseImport(text('jira-cloud.csv'));
    expect(plan.priorities).toEqual({ High: 'should', Highest: 'must', Medium: 'could', Low: 'wont', Whatever: null });
    const chosen = parseImport(text('jira-cloud.csv'), { priorities: { high: 'must', whatever: 'could' } });
    expect(byKey(chosen, 'PAY-1').fields.priority).toBe('must');
    expect(byKey(chosen, 'PAY-5').fields.priority).toBe('could');
    expect(chosen.warnings.some((warning) => warning.message.includes('Whatever'))).toBe(false);
  });
});

describe('itemSource', () => {
  it('reads where an item came from, and keeps only web links', () => {
    const doc = new Y.Doc();
    applyImport(doc, parseImport(text('github-rest.json')));
    const [first] = orderedItems(doc);
    expect(itemSource(doc, first!.id)).toMatchObject({ system: 'github', key: 'acme/board#12', url: 'https://github.com/acme/board/issues/12' });
    const hostile = parseImport('[{"number": 1, "title": "x", "html_url": "javascript:alert(1)//github.com/a/b/issues/1"}]');
    applyImport(doc, hostile);
    const made = orderedItems(doc).find((item) => item.title === 'x')!;
    expect(itemSource(doc, made.id)!.url).toBeUndefined();
    expect(itemSource(doc, addItem(doc, { title: 'made here' }))).toBeNull();
  });
});

