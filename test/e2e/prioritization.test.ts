/**
 * Prioritizing in the browser, as two people would: choose frameworks,
 * score items from two windows, watch the value/effort chart move, and rank
 * by score after checking the preview, while the other person moves an item.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { addItem, setFramework, updateItem } from '../../shared/index.js';
import { connectClient } from '../helpers/clients.js';
import { SHOTS, addItems, browserSuite, openBoard, row, rowTitles, twoPeople } from './board-helpers.js';

const suite = browserSuite();

async function score(page: Page, title: string, inputs: Record<string, string>): Promise<void> {
  await row(page, title).click();
  const panel = page.getByRole('complementary', { name: 'Item details' });
  for (const [label, value] of Object.entries(inputs)) {
    const field = panel.getByLabel(label, { exact: true });
    if ((await field.evaluate((element) => element.tagName)) === 'SELECT') await field.selectOption(value);
    else {
      await field.fill(value);
      await field.press('Enter');
    }
  }
}

const cell = (page: Page, title: string, framework: string) => row(page, title).locator(`[data-score="${framework}"]`);

describe('prioritizing', () => {
  it('two people score items, see the scores and the chart move, and rank by WSJF after a preview', async () => {
    const { ana, bo } = await twoPeople(suite, 'prioritize');
    await addItems(ana, ['Fix checkout crash', 'Dark mode', 'Export to PDF', 'Rewrite billing']);
    await expect.poll(() => rowTitles(bo)).toEqual(['Fix checkout crash', 'Dark mode', 'Export to PDF', 'Rewrite billing']);

    // Ana turns on WSJF and value/effort for the board; Bo's list gains the score column at once.
    await ana.getByRole('button', { name: 'Prioritize' }).click();
    const settings = ana.getByRole('dialog', { name: 'Prioritization' });
    await settings.getByRole('checkbox', { name: /^WSJF/ }).check();
    await settings.getByRole('checkbox', { name: /^Value\/effort/ }).check();
    await ana.screenshot({ path: `${SHOTS}prioritize-settings-1280.png` });
    await settings.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => bo.locator('[data-score-header]').allTextContents()).toEqual(['WSJF', 'Value/effort']);

    // Each scores an item; both see both scores, and the hover says how each was computed.
    await score(ana, 'Fix checkout crash', { 'Business value': '13', 'Time criticality': '13', 'Risk reduction': '5', 'Job size': '2' });
    await score(bo, 'Dark mode', { 'Business value': '3', 'Time criticality': '1', 'Risk reduction': '1' });
    await bo.getByLabel('Estimate', { exact: true }).fill('8');
    await bo.getByLabel('Estimate', { exact: true }).press('Enter');
    for (const page of [ana, bo]) {
      await expect.poll(() => cell(page, 'Fix checkout crash', 'wsjf').textContent()).toBe('15.5');
      await expect.poll(() => cell(page, 'Dark mode', 'wsjf').textContent()).toBe('0.63');
    }
    expect(await cell(ana, 'Dark mode', 'wsjf').getAttribute('title')).toBe('WSJF = (business value 3 + time criticality 1 + risk reduction 1) ÷ job size 8 (the estimate) = 0.63');
    await score(ana, 'Export to PDF', { 'Business value': '5', 'Time criticality': '3', 'Risk reduction': '2', 'Job size': '3' });
    await ana.screenshot({ path: `${SHOTS}prioritize-panel-1280.png` });

    // The chart: Ana watches while Bo raises Dark mode's value, which makes it a big bet instead of a time sink.
    await ana.getByRole('button', { name: 'Close details' }).click();
    await ana.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Value/effort' }).click();
    const summary = ana.locator('.chart-summary');
    await expect.poll(() => summary.textContent()).toBe('3 items: 1 quick win, 0 big bets, 1 filler, 1 time sink');
    await expect.poll(() => ana.locator('.value-effort .chart svg path').count()).toBeGreaterThan(3);
    await ana.screenshot({ path: `${SHOTS}prioritize-chart-before-1280.png` });
    await bo.getByRole('complementary', { name: 'Item details' }).getByLabel('Business value', { exact: true }).selectOption('13');
    await expect.poll(() => summary.textContent()).toBe('3 items: 1 quick win, 1 big bet, 1 filler, 0 time sinks');
    await ana.screenshot({ path: `${SHOTS}prioritize-chart-after-1280.png` });
    await ana.setViewportSize({ width: 1440, height: 900 });
    await ana.screenshot({ path: `${SHOTS}prioritize-chart-1440.png` });
    // The accessible table lists the same points; clicking a point (here its label) opens its item.
    expect(await ana.getByRole('table', { name: 'Items by value and effort' }).locator('tbody tr').count()).toBe(3);
    await ana.locator('.value-effort .chart svg text', { hasText: 'Export to PDF' }).click();
    await expect.poll(() => ana.getByRole('complementary', { name: 'Item details' }).getByLabel('Title').inputValue()).toBe('Export to PDF');
    await ana.getByRole('button', { name: 'Close details' }).click();

    // Rank by WSJF: the preview says what moves; nothing has moved yet.
    await ana.getByRole('group', { name: 'View' }).getByRole('button', { name: 'List' }).click();
    await ana.getByRole('button', { name: 'Prioritize' }).click();
    await ana.getByRole('dialog', { name: 'Prioritization' }).getByRole('button', { name: 'Rank by WSJF…' }).click();
    const rank = ana.getByRole('dialog', { name: 'Rank by WSJF' });
    await expect.poll(() => rank.locator('.dialog-text').textContent()).toBe('2 of the 3 scored items would move. Items without a score, done and archived items keep their places.');
    expect(await rank.locator('.rank-moves li').allTextContents()).toEqual(['▲#3 → #2Export to PDF3.33', '▼#2 → #3Dark mode1.88']);
    expect(await rowTitles(bo)).toEqual(['Fix checkout crash', 'Dark mode', 'Export to PDF', 'Rewrite billing']);
    await ana.screenshot({ path: `${SHOTS}prioritize-rank-preview-1440.png` });

    // Meanwhile Bo moves the crash fix to the bottom by keyboard: the preview calls it out, and it keeps its place.
    await row(bo, 'Fix checkout crash').click();
    await bo.getByRole('button', { name: 'Close details' }).click();
    for (let i = 0; i < 3; i++) await bo.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => rowTitles(bo)).toEqual(['Dark mode', 'Export to PDF', 'Rewrite billing', 'Fix checkout crash']);
    await expect.poll(() => rank.getByRole('alert').textContent()).toContain('Moved by hand since this preview: “Fix checkout crash”. They keep their new places.');
    await ana.screenshot({ path: `${SHOTS}prioritize-rank-conflict-1440.png` });
    await rank.getByRole('button', { name: 'Apply the new order' }).click();
    // The crash fix stays where Bo put it; the other scored items take WSJF order in the places left, for both.
    const ranked = ['Export to PDF', 'Dark mode', 'Rewrite billing', 'Fix checkout crash'];
    await expect.poll(() => rowTitles(bo)).toEqual(ranked);
    await expect.poll(() => rowTitles(ana)).toEqual(ranked);
    await expect.poll(() => ana.locator('.toast').textContent()).toContain('Ranked by WSJF: 1 item moved');
    // One undo step takes the whole ranking back.
    await ana.locator('.toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => rowTitles(bo)).toEqual(['Dark mode', 'Export to PDF', 'Rewrite billing', 'Fix checkout crash']);
  });

  it('sorts and filters the view without touching the order, and a link carries the view to someone else', async () => {
    const { ana, bo } = await twoPeople(suite, 'view');
    const board = new URL(ana.url()).pathname.split('/').pop()!;
    const seed = connectClient(suite.relay.syncUrl, board, new Y.Doc());
    await seed.synced();
    const doc = seed.doc;
    setFramework(doc, 'wsjf', true);
    const epic = addItem(doc, { title: 'Checkout', kind: 'epic' });
    const wsjf = (id: string, businessValue: number, jobSize: number) => updateItem(doc, id, { scoreInputs: { businessValue, timeCriticality: 1, riskReduction: 1, jobSize } });
    wsjf(addItem(doc, { title: 'Pay by card', parent: epic, priority: 'must' }), 8, 5);
    wsjf(addItem(doc, { title: 'Dark mode', priority: 'could' }), 20, 2);
    wsjf(addItem(doc, { title: 'Receipts', parent: epic, priority: 'must' }), 13, 1);
    addItem(doc, { title: 'Unscored idea' });
    const order = ['Checkout', 'Pay by card', 'Dark mode', 'Receipts', 'Unscored idea'];
    await expect.poll(() => rowTitles(ana)).toEqual(order);

    // Sort by WSJF, highest first: the view changes, the backlog (Bo's list) does not, and rows cannot be dragged.
    await ana.getByLabel('Sort by').selectOption('score:wsjf');
    await expect.poll(() => rowTitles(ana)).toEqual(['Receipts', 'Dark mode', 'Pay by card', 'Checkout', 'Unscored idea']);
    expect(await rowTitles(bo)).toEqual(order);
    expect(await ana.getByRole('status').filter({ hasText: 'Sorted for viewing' }).count()).toBe(1);
    // Filters combine: must-haves of the Checkout epic.
    await ana.getByRole('button', { name: 'More filters' }).click();
    await ana.getByLabel('Filter by priority').selectOption('must');
    await ana.getByLabel('Filter by epic').selectOption({ label: 'Checkout' });
    await expect.poll(() => rowTitles(ana)).toEqual(['Receipts', 'Pay by card']);
    await ana.screenshot({ path: `${SHOTS}view-sorted-filtered-1280.png` });
    const link = ana.url();
    expect(new URL(link).search).toBe(`?priority=must&epic=${epic}&sort=score%3Awsjf&dir=desc`);

    // The link opens the same view for someone else.
    const carol = await openBoard(suite.browser, link, { name: 'Carol', width: 1440, height: 900 });
    suite.track(carol.context);
    await expect.poll(() => rowTitles(carol.page)).toEqual(['Receipts', 'Pay by card']);
    await carol.page.screenshot({ path: `${SHOTS}view-shared-link-1440.png` });

    // Bo adds an item the filters hide: Ana's list stays, and nothing vanishes without a word for Bo's own add.
    await bo.getByLabel('Filter by kind').selectOption('bug');
    await addItems(bo, ['Crash on save']);
    await expect.poll(() => bo.locator('.toast').textContent()).toContain('was added, but your filters hide it');
    await bo.locator('.toast').getByRole('button', { name: 'Show it' }).click();
    await expect.poll(() => rowTitles(bo)).toEqual([...order, 'Crash on save']);
    seed.destroy();
  });

  it('sets fields of several selected items at once, as one undo step', async () => {
    const { ana, bo } = await twoPeople(suite, 'bulk');
    await addItems(ana, ['Login page', 'Signup page', 'Profile page', 'Settings page']);
    await ana.getByRole('button', { name: 'Prioritize' }).click();
    await ana.getByRole('dialog', { name: 'Prioritization' }).getByRole('checkbox', { name: /^WSJF/ }).check();
    await ana.getByRole('dialog', { name: 'Prioritization' }).getByRole('button', { name: 'Close' }).click();

    await row(ana, 'Login page').click();
    await row(ana, 'Signup page').click({ modifiers: ['Control'] });
    await row(ana, 'Settings page').click({ modifiers: ['Control'] });
    await ana.getByRole('button', { name: 'Set fields…' }).click();
    const dialog = ana.getByRole('dialog', { name: 'Set fields of 3 items' });
    await dialog.getByLabel('Kind').selectOption('bug');
    await dialog.getByLabel('Priority').selectOption('should');
    await dialog.getByLabel('Add a label').fill('q3');
    await dialog.getByLabel('Business value').selectOption('8');
    await ana.screenshot({ path: `${SHOTS}bulk-edit-1280.png` });
    await dialog.getByLabel('Status').selectOption('ready');
    await dialog.getByRole('button', { name: 'Apply to 3 items' }).click();
    // Ready while missing the definition of ready: it asks first.
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('3 of these items miss the board’s definition of ready');
    await dialog.getByRole('button', { name: 'Apply anyway' }).click();

    const kinds = (page: Page) => page.locator('[role="option"] .kind').allTextContents();
    await expect.poll(() => kinds(bo)).toEqual(['Bug', 'Bug', 'Story', 'Bug']);
    expect(await row(bo, 'Login page').locator('.status').textContent()).toBe('Ready');
    expect(await row(bo, 'Signup page').locator('.label-chip').allTextContents()).toEqual(['q3']);
    expect(await row(bo, 'Settings page').locator('.priority').textContent()).toBe('Should');
    await row(bo, 'Settings page').click();
    expect(await bo.getByRole('complementary', { name: 'Item details' }).getByLabel('Business value', { exact: true }).inputValue()).toBe('8');

    await ana.locator('.toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => kinds(bo)).toEqual(['Story', 'Story', 'Story', 'Story']);
    expect(await bo.locator('.label-chip').count()).toBe(0);
  });

  it('merges scores made offline: two people filling different RICE inputs of one item both keep theirs', async () => {
    const { ana, bo } = await twoPeople(suite, 'offline-scores');
    await addItems(ana, ['Onboarding checklist']);
    await ana.getByRole('button', { name: 'Prioritize' }).click();
    await ana.getByRole('dialog', { name: 'Prioritization' }).getByRole('checkbox', { name: /^RICE/ }).check();
    await ana.getByRole('dialog', { name: 'Prioritization' }).getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => bo.locator('[data-score-header]').allTextContents()).toEqual(['RICE']);

    await bo.context().setOffline(true);
    await expect.poll(() => bo.getByTestId('connection').getAttribute('data-status')).toBe('offline');
    await score(bo, 'Onboarding checklist', { Impact: '2', Confidence: '80', Effort: '2' });
    await score(ana, 'Onboarding checklist', { Reach: '500' });
    expect(await cell(ana, 'Onboarding checklist', 'rice').getAttribute('title')).toBe('RICE needs impact, confidence and effort');
    await bo.context().setOffline(false);
    for (const page of [ana, bo]) await expect.poll(() => cell(page, 'Onboarding checklist', 'rice').textContent(), { timeout: 15_000 }).toBe('400');
    expect(await cell(bo, 'Onboarding checklist', 'rice').getAttribute('title')).toBe('RICE = reach 500 × impact 2 × confidence 80% ÷ effort 2 person-months = 400');
  });

  it('keeps the value/effort chart legible with 500 items', async () => {
    const { ana } = await twoPeople(suite, 'chart-500');
    const board = new URL(ana.url()).pathname.split('/').pop()!;
    const seed = connectClient(suite.relay.syncUrl, board, new Y.Doc());
    await seed.synced();
    setFramework(seed.doc, 'value-effort', true);
    // A deterministic spread: six epics, values and efforts on the relative scale, some efforts from estimates.
    const scale = [1, 2, 3, 5, 8, 13, 20];
    const epics = ['Checkout', 'Onboarding', 'Search', 'Reporting', 'Mobile', 'Billing'].map((title) => addItem(seed.doc, { title, kind: 'epic' }));
    seed.doc.transact(() => {
      for (let n = 0; n < 500; n++) {
        const id = addItem(seed.doc, { title: `Story ${n + 1}: ${['improve', 'fix', 'add', 'speed up'][n % 4]} ${['the cart', 'sign-up', 'filters', 'exports', 'push', 'invoices'][n % 6]}`, parent: epics[n % 6]! });
        updateItem(seed.doc, id, { scoreInputs: { businessValue: scale[(n * 3) % 7]!, ...(n % 3 === 0 ? {} : { jobSize: scale[Math.floor(n / 7) % 7]! }) }, ...(n % 3 === 0 ? { estimate: scale[(n * 5 + 2) % 7]! } : {}) });
      }
    });
    await expect.poll(() => rowTitles(ana).then((titles) => titles.length), { timeout: 15_000 }).toBeGreaterThan(10);
    await ana.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Value/effort' }).click();
    await expect.poll(() => ana.locator('.chart-summary').getAttribute('data-points'), { timeout: 15_000 }).toBe('500');
    // Every point is drawn; labels that would collide are left to the hover.
    await expect.poll(() => ana.locator('.value-effort .chart svg path').count()).toBeGreaterThanOrEqual(500);
    const labels = await ana.locator('.value-effort .chart svg text').count();
    expect(labels).toBeLessThan(200);
    await ana.screenshot({ path: `${SHOTS}prioritize-chart-500-1280.png` });
    await ana.setViewportSize({ width: 1440, height: 900 });
    await ana.screenshot({ path: `${SHOTS}prioritize-chart-500-1440.png` });
    seed.destroy();
  });
});
