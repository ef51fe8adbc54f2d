/**
 * The backlog list read at a glance, with the item panel open on a laptop:
 * column headers, the epic of each item, readiness in words, point totals
 * for what is shown, titles that get the room, and text written by others
 * (a 100,000-character label, a right-to-left override) that cannot push
 * the filters off screen or turn "gnp.exe" into "exe.png".
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { addItem, itemsMap, updateItem } from '../../shared/index.js';
import { connectClient, waitFor } from '../helpers/clients.js';
import { SHOTS, browserSuite, openBoard, row, rowTitles } from './board-helpers.js';

const suite = browserSuite();
let boards = 0;

const LONG_TITLE = 'As a returning customer I want to pay with a saved card quickly';
const HUGE_LABEL = 'x'.repeat(100_000);
const SPOOFED = 'invoice\u202Egnp.exe';

/** A board written by another program: an epic with stories, and two things the model would refuse today. */
async function seedBoard(boardId: string): Promise<void> {
  const writer = connectClient(suite.relay.syncUrl, boardId);
  await writer.synced();
  const doc = writer.doc;
  const epic = addItem(doc, { title: 'Checkout revamp', kind: 'enhancement', status: 'refining', priority: 'must' });
  addItem(doc, { title: LONG_TITLE, parent: epic, estimate: 5, labels: ['payments', 'mobile'], priority: 'must', description: 'Why' });
  const ready = addItem(doc, { title: 'Fix VAT rounding', kind: 'bug', parent: epic, estimate: 3, status: 'ready', priority: 'should', description: 'Totals are off by a cent' });
  updateItem(doc, ready, { acceptanceCriteria: [{ text: 'Rounds half up' }] });
  addItem(doc, { title: 'Address autocomplete', estimate: 'M', labels: ['forms'], priority: 'could' });
  addItem(doc, { title: 'Spike: new payment provider', kind: 'spike' });
  const raw = addItem(doc, { title: 'placeholder' });
  doc.transact(() => {
    const item = itemsMap(doc).get(raw)!;
    item.set('title', new Y.Text(SPOOFED));
    (item.get('labels') as Y.Map<boolean>).set(HUGE_LABEL, true);
  });
  const witness = connectClient(suite.relay.syncUrl, boardId);
  await waitFor(() => itemsMap(witness.doc).size === 6, 'the relay to hold the board', 10_000);
  writer.destroy();
  witness.destroy();
}

/** Whether an element's text is cut (it needs more room than it has). */
const isCut = (page: Page, title: string) => row(page, title).locator('.row-title').evaluate((element) => element.scrollWidth > element.clientWidth);

describe.each([
  [1280, 720],
  [1440, 900],
])('the backlog at %ix%i with the item panel open', (width, height) => {
  it('has headers, epics, readiness in words, totals, room for titles, and contained user text', async () => {
    const boardId = `list-${++boards}-${Date.now()}`;
    await seedBoard(boardId);
    const { page, context } = await openBoard(suite.browser, `${suite.relay.httpUrl}/b/${boardId}`, { name: 'Ana', width, height });
    suite.track(context);
    await expect.poll(() => page.locator('[role="option"]').count()).toBe(6);
    await page.screenshot({ path: `${SHOTS}backlog-${width}x${height}.png` });
    await row(page, 'Fix VAT rounding').click();
    await expect.poll(() => page.locator('[data-panel-item]').count()).toBe(1);

    // Column headers.
    expect((await page.locator('.backlog-header > span').allTextContents()).filter(Boolean)).toEqual(['Type', 'Title', 'Priority', 'Status', 'Points']);
    expect(await page.locator('.backlog-header').isVisible()).toBe(true);
    // The epic of each item, by name.
    expect(await row(page, LONG_TITLE).locator('.row-epic').textContent()).toBe('Checkout revamp');
    // Readiness in words, and nothing for a ready item.
    // (The board's definition of ready is the default: criteria, an estimate up to 13, a priority, a description.)
    expect(await row(page, 'Spike: new payment provider').locator('.row-gaps').textContent()).toBe('Needs acceptance criteria, estimate, priority, description');
    expect(await row(page, LONG_TITLE).locator('.row-gaps').textContent()).toBe('Needs acceptance criteria');
    expect(await row(page, 'Fix VAT rounding').locator('.row-gaps').count()).toBe(0);
    expect(await page.locator('.list-inner').textContent()).not.toContain('No AC');
    // Totals of what is shown: 5 + 3 points, one card, three not estimated.
    const totals = page.locator('.backlog-totals');
    expect(await totals.innerText()).toMatch(/6 items.*1 sized M.*3 not estimated.*8 points/s);
    await page.getByLabel('Filter by kind').selectOption('bug');
    await expect.poll(() => totals.innerText()).toMatch(/1 item\b.*3 points/s);
    await page.getByLabel('Filter by kind').selectOption('');

    // A sentence-long title is shown whole beside the open panel.
    expect(await isCut(page, LONG_TITLE)).toBe(false);
    // Text written by others: the title reads as written, isolated, and the huge label is contained.
    expect(await rowTitles(page)).toContain('invoicegnp.exe');
    expect(await row(page, 'invoicegnp.exe').locator('.row-title bdi').count()).toBe(1);
    const toolbar = (await page.locator('.toolbar').first().boundingBox())!;
    const labelFilter = (await page.getByLabel('Filter by label').boundingBox())!;
    expect(labelFilter.x + labelFilter.width).toBeLessThanOrEqual(toolbar.x + toolbar.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const spoofedRow = (await row(page, 'invoicegnp.exe').boundingBox())!;
    const list = (await page.locator('.list-scroll').boundingBox())!;
    expect(spoofedRow.x + spoofedRow.width).toBeLessThanOrEqual(list.x + list.width + 0.5);
    await page.screenshot({ path: `${SHOTS}backlog-panel-${width}x${height}.png` });
  });
});
