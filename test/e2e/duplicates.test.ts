/**
 * The duplicate finder and estimate suggestions in the browser: an item's
 * likely duplicates with the words that matched, merged in one step; a
 * suggested estimate with its reason, in the item panel.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { addItem } from '../../shared/index.js';
import { connectClient } from '../helpers/clients.js';
import { SHOTS, browserSuite, row, rowTitles, twoPeople } from './board-helpers.js';

const suite = browserSuite();
const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Item details' });

describe('duplicates and estimate suggestions', () => {
  it('lists an item’s likely duplicates, merges one for everyone, and suggests an estimate with its reason', async () => {
    const { ana, bo } = await twoPeople(suite, 'duplicates');
    const board = new URL(ana.url()).pathname.split('/').pop()!;
    const seed = connectClient(suite.relay.syncUrl, board, new Y.Doc());
    await seed.synced();
    seed.doc.transact(() => {
      addItem(seed.doc, { title: 'Login crashes when the password is empty', estimate: 3, labels: ['auth'] });
      addItem(seed.doc, { title: 'Export the backlog as CSV', estimate: 5 });
      addItem(seed.doc, { title: 'Empty password makes the login crash', description: 'Steps: leave the password empty, press Login.', labels: ['bug'] });
      addItem(seed.doc, { title: 'Dark theme for the settings page', estimate: 2 });
    });
    await expect.poll(() => rowTitles(ana)).toHaveLength(4);

    await row(ana, 'Login crashes when the password is empty').click();
    const duplicates = panelOf(ana).getByRole('region', { name: 'Likely duplicates' });
    await expect.poll(() => duplicates.locator('.duplicate-title').first().textContent()).toBe('Empty password makes the login crash');
    expect(await duplicates.locator('li').first().locator('mark').allTextContents()).toEqual(['Login', 'crashes', 'password']);
    // Too few estimated items to test suggestions from similar ones: the board's median, and why.
    await expect.poll(() => panelOf(ana).locator('.estimate-hint').getAttribute('data-basis')).toBe('median');
    expect(await panelOf(ana).locator('.estimate-hint').textContent()).toContain('too little history');
    await ana.screenshot({ path: `${SHOTS}duplicates-1280.png` });

    await duplicates.locator('li').first().getByRole('button', { name: 'Merge into this' }).click();
    await expect.poll(() => rowTitles(bo)).toEqual(['Login crashes when the password is empty', 'Export the backlog as CSV', 'Dark theme for the settings page']);
    await expect.poll(() => row(bo, 'Login crashes when the password is empty').locator('.label-chip').allTextContents()).toEqual(['auth', 'bug']);
    await ana.setViewportSize({ width: 1440, height: 900 });
    await ana.screenshot({ path: `${SHOTS}duplicates-merged-1440.png` });
    seed.destroy();
  });
});
