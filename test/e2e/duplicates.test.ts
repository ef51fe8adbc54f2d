/**
 * The duplicate finder and estimate suggestions in the browser: an item's
 * likely duplicates with the words that matched, merged in one step; a
 * suggested estimate with its reason, in the item panel.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { addItem, allRequests, fileRequest } from '../../shared/index.js';
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
    // The matched words are marked in the other item's title, as written there.
    expect(await duplicates.locator('li').first().locator('mark').allTextContents()).toEqual(['password', 'login', 'crash']);
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

  it('warns of close matches while a new title is typed, and offers them on a request in the inbox, merged in one step with Undo', async () => {
    const { ana, bo } = await twoPeople(suite, 'duplicates-typed');
    const board = new URL(ana.url()).pathname.split('/').pop()!;
    const seed = connectClient(suite.relay.syncUrl, board, new Y.Doc());
    await seed.synced();
    seed.doc.transact(() => {
      addItem(seed.doc, { title: 'Export the backlog as a CSV file' });
      addItem(seed.doc, { title: 'Dark theme for the settings page' });
      addItem(seed.doc, { title: 'Invoices can be downloaded as PDF', description: 'Customers download their monthly invoices.' });
    });
    await expect.poll(() => rowTitles(ana)).toHaveLength(3);

    // Typing: a title that says most of an existing one lists it; a title that shares one word does not.
    const composer = ana.getByRole('textbox', { name: 'New item title' });
    await composer.fill('Settings for the export');
    await ana.waitForTimeout(600);
    expect(await ana.getByRole('region', { name: 'Already on the board' }).count()).toBe(0);
    await composer.fill('Export backlog to CSV');
    const typed = ana.getByRole('region', { name: 'Already on the board' });
    await expect.poll(() => typed.locator('.duplicate-title').allTextContents()).toEqual(['Export the backlog as a CSV file']);
    expect(await typed.locator('mark').allTextContents()).toEqual(['Export', 'backlog', 'CSV']);
    await ana.screenshot({ path: `${SHOTS}duplicates-typed-1280.png` });
    await typed.locator('.duplicate-title').click();
    await expect.poll(() => panelOf(ana).getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Export the backlog as a CSV file');
    await panelOf(ana).getByRole('button', { name: 'Close details' }).click();

    // The inbox: a customer's request, worded their way, finds the item it repeats.
    const requestId = fileRequest(seed.doc, { title: 'Download my invoices as PDF files', source: 'customer', sourceName: 'Acme', requester: 'Rita' }, Date.now());
    await bo.setViewportSize({ width: 1440, height: 900 });
    await bo.getByRole('tab', { name: /Inbox/ }).click();
    const card = bo.locator(`[data-request-id="${requestId}"]`);
    const matches = card.getByRole('region', { name: 'Maybe already on the board' });
    await expect.poll(() => matches.locator('.duplicate-title').allTextContents()).toEqual(['Invoices can be downloaded as PDF']);
    expect(await matches.locator('mark').allTextContents()).toEqual(['Invoices', 'downloaded', 'PDF']);
    await bo.screenshot({ path: `${SHOTS}duplicates-inbox-1440.png` });
    await matches.getByRole('button', { name: 'Merge into this' }).click();
    await expect.poll(() => allRequests(seed.doc).find((request) => request.id === requestId)?.triage?.action).toBe('merged');
    await expect.poll(() => bo.locator('.recently-triaged').textContent()).toContain('Download my invoices as PDF files');
    await bo.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => allRequests(seed.doc).find((request) => request.id === requestId)?.triage ?? null).toBeNull();
    seed.destroy();
  });
});
