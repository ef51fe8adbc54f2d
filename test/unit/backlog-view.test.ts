import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, orderedItems, setFramework, updateItem } from '../../shared/index.js';
import { NO_FILTERS, applyFilters, isFiltering } from '../../client/board/filters.js';
import { BACKLOG_ORDER, sortItems } from '../../client/board/sorting.js';
import { readViewFromUrl, viewSearch } from '../../client/board/viewUrl.js';

const DAY = 86_400_000;

function sample() {
  const doc = new Y.Doc();
  setFramework(doc, 'wsjf', true);
  const epic = addItem(doc, { title: 'Checkout', kind: 'epic' });
  const a = addItem(doc, { title: 'Pay by card', parent: epic, priority: 'must', estimate: 5, labels: ['web'] });
  const b = addItem(doc, { title: 'Dark mode', priority: 'could', estimate: 8 });
  const c = addItem(doc, { title: 'Receipts', parent: epic });
  updateItem(doc, a, { scoreInputs: { businessValue: 8, timeCriticality: 8, riskReduction: 3 } });
  updateItem(doc, b, { scoreInputs: { businessValue: 20, timeCriticality: 20, riskReduction: 20 } });
  const items = orderedItems(doc);
  // Ages set by hand on the snapshots: created 300, 100 and 1 days before "now"; changed 280, 5 and 1 days before.
  const now = 1_000 * DAY;
  const aged = items.map((item) => {
    const [created, changed] = item.id === a ? [300, 280] : item.id === b ? [100, 5] : [1, 1];
    return { ...item, createdAt: now - created * DAY, updatedAt: now - changed * DAY };
  });
  return { doc, items: aged, ids: { epic, a, b, c }, now };
}

const titles = (items: { title: string }[]) => items.map((item) => item.title);

describe('filters', () => {
  it('combine: priority, epic, estimate, score, age and last change', () => {
    const { items, ids, now } = sample();
    const frameworks = ['wsjf'] as const;
    const filter = (patch: Partial<typeof NO_FILTERS>) => titles(applyFilters(items, { ...NO_FILTERS, ...patch }, { now, frameworks }));
    expect(filter({ priority: 'must' })).toEqual(['Pay by card']);
    expect(filter({ priority: 'none' })).toEqual(['Checkout', 'Receipts']);
    expect(filter({ epic: ids.epic })).toEqual(['Pay by card', 'Receipts']);
    expect(filter({ epic: 'none' })).toEqual(['Checkout', 'Dark mode']);
    expect(filter({ estimate: 'unestimated' })).toEqual(['Checkout', 'Receipts']);
    expect(filter({ score: 'scored' })).toEqual(['Pay by card', 'Dark mode']);
    expect(filter({ score: 'unscored' })).toEqual(['Checkout', 'Receipts']);
    expect(filter({ created: 'over-90' })).toEqual(['Pay by card', 'Dark mode']);
    expect(filter({ changed: 'over-270' })).toEqual(['Pay by card']);
    expect(filter({ changed: 'within-7' })).toEqual(['Checkout', 'Dark mode', 'Receipts']);
    expect(filter({ epic: ids.epic, estimate: 'estimated', label: 'web' })).toEqual(['Pay by card']);
    expect(isFiltering({ ...NO_FILTERS, changed: 'within-7' })).toBe(true);
  });
});

describe('sorting the view', () => {
  it('sorts by score, priority, estimate, age and last change without touching the order', () => {
    const { items } = sample();
    const sort = (by: Parameters<typeof sortItems>[1]) => titles(sortItems(items, by));
    expect(sort(BACKLOG_ORDER)).toEqual(['Checkout', 'Pay by card', 'Dark mode', 'Receipts']);
    // WSJF: Dark mode 60/8 = 7.5, Pay by card 19/5 = 3.8; unscored items last, in backlog order.
    expect(sort({ by: 'score:wsjf', dir: 'desc' })).toEqual(['Dark mode', 'Pay by card', 'Checkout', 'Receipts']);
    expect(sort({ by: 'score:wsjf', dir: 'asc' })).toEqual(['Pay by card', 'Dark mode', 'Checkout', 'Receipts']);
    expect(sort({ by: 'priority', dir: 'desc' })).toEqual(['Pay by card', 'Dark mode', 'Checkout', 'Receipts']);
    expect(sort({ by: 'estimate', dir: 'asc' })).toEqual(['Pay by card', 'Dark mode', 'Checkout', 'Receipts']);
    expect(sort({ by: 'created', dir: 'asc' })).toEqual(['Pay by card', 'Dark mode', 'Checkout', 'Receipts']);
    expect(sort({ by: 'updated', dir: 'desc' })).toEqual(['Checkout', 'Receipts', 'Dark mode', 'Pay by card']);
  });
});

describe('the view in the address', () => {
  it('round-trips filters, sort and view, and drops what it does not know', () => {
    const view = { filters: { ...NO_FILTERS, text: 'card pay', kind: 'bug' as const, epic: 'E1', changed: 'over-270' as const, showArchived: true }, sort: { by: 'score:wsjf' as const, dir: 'desc' as const }, mode: 'chart' as const };
    const search = viewSearch(view);
    expect(search).toBe('?q=card+pay&kind=bug&epic=E1&changed=over-270&archived=1&sort=score%3Awsjf&dir=desc&view=chart');
    expect(readViewFromUrl(search)).toEqual(view);
    expect(readViewFromUrl('?kind=saga&sort=random&view=pie&changed=soon')).toEqual({ filters: NO_FILTERS, sort: BACKLOG_ORDER, mode: 'list' });
    expect(viewSearch({ filters: NO_FILTERS, sort: BACKLOG_ORDER, mode: 'list' })).toBe('');
    expect(readViewFromUrl('?view=inbox').mode).toBe('inbox');
  });
});
