/**
 * Backlog health in the browser: the health view tells what to groom next,
 * the definition of ready is edited live, marking an item ready while it
 * misses the definition asks first, and the stale-item review archives,
 * restores and keeps items.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, itemsMap } from '../../shared/index.js';
import { connectClient } from '../helpers/clients.js';
import { SHOTS, browserSuite, row, rowTitles, twoPeople } from './board-helpers.js';

const suite = browserSuite();
const DAY = 86_400_000;

describe('backlog health', () => {
  it('says what to groom next, edits the definition of ready live, and reviews stale items', async () => {
    const { ana, bo } = await twoPeople(suite, 'health');
    const board = new URL(ana.url()).pathname.split('/').pop()!;
    const seed = connectClient(suite.relay.syncUrl, board, new Y.Doc());
    await seed.synced();
    const ready = { estimate: 3, priority: 'must' as const, description: 'Why it matters', acceptanceCriteria: [{ text: 'It works' }] };
    addItem(seed.doc, { title: 'Ready story', ...ready });
    addItem(seed.doc, { title: 'Bare idea' });
    addItem(seed.doc, { title: 'Almost ready', ...ready, description: '' });
    const old = [addItem(seed.doc, { title: 'Forgotten report', ...ready }), addItem(seed.doc, { title: 'Old integration', ...ready })];
    seed.doc.transact(() => old.forEach((id, n) => itemsMap(seed.doc).get(id)!.set('updatedAt', Date.now() - (300 + n) * DAY)));
    await expect.poll(() => rowTitles(ana)).toHaveLength(5);

    for (const page of [ana, bo]) await page.getByRole('tab', { name: 'Health' }).click();
    const figure = (page: typeof ana, name: string) => page.locator(`[data-figure="${name}"] .figure-value`).textContent();
    await expect.poll(() => figure(ana, 'Top of the backlog ready')).toBe('3 of 5');
    expect(await figure(ana, 'Stale')).toBe('2');
    expect(await ana.getByRole('region', { name: 'Groom next' }).locator('li').allTextContents()).toEqual([
      'Bare ideaNeeds acceptance criteria, estimate, priority, description',
      'Almost readyNeeds description',
    ]);
    await expect.poll(() => ana.locator('.health-chart svg').count()).toBe(2);
    await ana.screenshot({ path: `${SHOTS}health-1280.png` });

    // Ana drops "description" from the definition: Bo's view counts one more ready item at once.
    await ana.getByRole('checkbox', { name: 'Description' }).uncheck();
    await expect.poll(() => figure(bo, 'Top of the backlog ready')).toBe('4 of 5');

    // Stale review: archive both, restore one from the archive, keep the other.
    const stale = ana.getByRole('region', { name: 'Stale items' });
    expect(await stale.locator('li').allTextContents()).toEqual([expect.stringMatching(/^Old integrationchanged 301 days ago/), expect.stringMatching(/^Forgotten reportchanged 300 days ago/)]);
    await ana.setViewportSize({ width: 1440, height: 900 });
    await ana.screenshot({ path: `${SHOTS}health-stale-1440.png`, fullPage: true });
    await stale.getByRole('checkbox', { name: 'All' }).check();
    await stale.getByRole('button', { name: 'Archive' }).click();
    await expect.poll(() => figure(bo, 'Stale')).toBe('0');
    await bo.getByRole('tab', { name: 'Backlog' }).click();
    await expect.poll(() => rowTitles(bo)).toEqual(['Ready story', 'Bare idea', 'Almost ready']);
    // Archived items are found with the Archived filter and restored from their panel.
    await bo.getByRole('checkbox', { name: 'Archived' }).check();
    await expect.poll(() => rowTitles(bo)).toEqual(['Ready story', 'Bare idea', 'Almost ready', 'Forgotten report', 'Old integration']);
    await row(bo, 'Forgotten report').click();
    await bo.getByRole('button', { name: 'Unarchive' }).click();
    await expect.poll(() => figure(ana, 'Stale')).toBe('0');
    await expect.poll(() => ana.getByRole('region', { name: 'Stale items' }).locator('li').count()).toBe(0);

    // Marking a bare item ready asks first and says what it misses.
    await bo.getByRole('checkbox', { name: 'Archived' }).uncheck();
    await row(bo, 'Bare idea').click();
    await bo.getByRole('complementary', { name: 'Item details' }).getByLabel('Status').selectOption('ready');
    const confirm = bo.getByRole('dialog', { name: 'Mark it ready?' });
    await expect.poll(() => confirm.getByRole('alert').textContent()).toBe('“Bare idea” misses the board’s definition of ready. Needs acceptance criteria, estimate, priority.');
    await bo.screenshot({ path: `${SHOTS}health-confirm-ready-1280.png` });
    await confirm.getByRole('button', { name: 'Keep its status' }).click();
    expect(await row(bo, 'Bare idea').locator('.status').textContent()).toBe('New');
    seed.destroy();
  });
});
