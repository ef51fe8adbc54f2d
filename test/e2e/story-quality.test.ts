/**
 * Story quality and the story assistant in the browser: the item panel's
 * findings, a dismissal both people see, and a raw idea turned into a story
 * with criteria that lands in both backlogs.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SHOTS, addItems, browserSuite, row, twoPeople } from './board-helpers.js';

const suite = browserSuite();
const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Item details' });
const qualityOf = (page: Page) => panelOf(page).getByRole('region', { name: 'Story quality' });
const findings = (page: Page) => qualityOf(page).locator('.quality-finding').evaluateAll((items) => items.map((item) => item.getAttribute('data-check')));

const VAGUE = 'As a shopper, I want a fast checkout, so that I can pay before my lunch break ends';
const SAVE_CART = 'As a shopper, I want to save my cart, so that I can come back later';
const FILTER = 'As a shopper, I want to filter search by price, so that I only see what I can afford';

describe('story quality and the story assistant', () => {
  it('shows findings, keeps a dismissal for both people, and turns an idea into a story with criteria', async () => {
    const { ana, bo } = await twoPeople(suite, 'story-quality');
    await addItems(ana, [VAGUE, SAVE_CART]);

    // A story with a vague word and no criteria: both findings, each saying how to fix it.
    await row(ana, VAGUE).click();
    await expect.poll(() => findings(ana), { timeout: 15_000 }).toEqual(['vague-words', 'no-acceptance-criteria']);
    const vague = qualityOf(ana).locator('[data-check="vague-words"]');
    expect(await vague.locator('.quality-problem').textContent()).toBe('“fast” cannot be tested as written.');
    expect(await vague.locator('.quality-fix').textContent()).toMatch(/^Say it in numbers/);
    await qualityOf(ana).evaluate((section) => section.scrollIntoView({ block: 'center' }));
    await ana.screenshot({ path: `${SHOTS}story-quality-panel-1280.png` });

    await expect.poll(() => row(bo, VAGUE).count()).toBe(1);
    await row(bo, VAGUE).click();
    await expect.poll(() => findings(bo), { timeout: 15_000 }).toEqual(['vague-words', 'no-acceptance-criteria']);

    // Ana dismisses the vague word: gone for both, shown as dismissed with a way back.
    await qualityOf(ana).getByRole('button', { name: 'Dismiss “Vague words” for this item' }).click();
    await expect.poll(() => findings(ana)).toEqual(['no-acceptance-criteria']);
    await expect.poll(() => findings(bo)).toEqual(['no-acceptance-criteria']);
    await expect.poll(() => qualityOf(bo).locator('.quality-dismissed li').allTextContents()).toEqual(['Dismissed: Vague wordsRestore']);

    // Live: a criterion added by Bo clears the other finding; with nothing left the section says so calmly.
    await panelOf(bo).getByPlaceholder('Given … when … then …').fill('Given a full cart, when I pay by card, then the order is confirmed within 3 seconds');
    await panelOf(bo).getByPlaceholder('Given … when … then …').press('Enter');
    await expect.poll(() => panelOf(ana).locator('.criterion-text').count()).toBe(1);
    await expect.poll(() => findings(ana)).toEqual([]);
    await expect.poll(() => qualityOf(ana).locator('.quality-calm').textContent()).toBe('No quality issues found.');
    await bo.setViewportSize({ width: 1440, height: 900 });
    await qualityOf(bo).evaluate((section) => section.scrollIntoView({ block: 'center' }));
    await bo.screenshot({ path: `${SHOTS}story-quality-panel-1440.png` });

    // Bo restores it: back for both.
    await qualityOf(bo).getByRole('button', { name: 'Restore “Vague words”' }).click();
    await expect.poll(() => findings(ana)).toEqual(['vague-words']);

    // The assistant, from the idea typed in the composer.
    await ana.getByLabel('New item title').fill('filter search by price');
    await ana.getByRole('button', { name: 'Story assistant…' }).click();
    const dialog = ana.getByRole('dialog', { name: 'Story assistant' });
    await expect.poll(() => dialog.getByRole('note').textContent(), { timeout: 15_000 }).toBe('Rules and templates, not a language model: check and edit before saving.');
    await expect.poll(() => dialog.getByLabel('I want to').inputValue()).toBe('filter search by price');
    // The board's most common role is offered first.
    expect(await dialog.getByLabel('Role').inputValue()).toBe('shopper');
    expect(await dialog.getByLabel('so that').inputValue()).toBe('[why the shopper needs this]');
    expect(await dialog.getByLabel('Criterion 1', { exact: true }).inputValue()).toMatch(/^Given I am a shopper .*when I filter search by price, then only the \[matching items\]/);
    await ana.screenshot({ path: `${SHOTS}story-assistant-1280.png` });

    await dialog.getByLabel('so that').fill('I only see what I can afford');
    await dialog.getByLabel('Criterion 1', { exact: true }).fill('Given I am a shopper on the results page, when I set a price range of 10 to 50, then only items priced 10 to 50 are listed');
    await dialog.getByRole('button', { name: 'Remove criterion 3' }).click();
    await ana.setViewportSize({ width: 1440, height: 900 });
    await ana.screenshot({ path: `${SHOTS}story-assistant-1440.png` });
    await dialog.getByRole('button', { name: 'Add story with 2 criteria' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    // In both backlogs, with its criteria; the composer is empty again.
    expect(await ana.getByLabel('New item title').inputValue()).toBe('');
    await expect.poll(() => row(ana, FILTER).count()).toBe(1);
    await expect.poll(() => row(bo, FILTER).count()).toBe(1);
    await row(bo, FILTER).click();
    await expect.poll(() => panelOf(bo).locator('.criterion-text').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual([
      'Given I am a shopper on the results page, when I set a price range of 10 to 50, then only items priced 10 to 50 are listed',
      'Given [an input or state that is not allowed], when I filter search by price, then [what I am told] and nothing is changed',
    ]);
  }, 60_000);

  it('keeps the page up when the checks or another part cannot be loaded (offline before they were cached), and loads them after a reload online', async () => {
    // No service worker, so nothing was cached: the checks' chunk can only come from the relay, which is cut off.
    const context = await suite.browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 720 } });
    suite.track(context);
    await context.addInitScript(() => localStorage.setItem('refinement-board.identity', JSON.stringify({ name: 'Ana', color: '#4f46e5' })));
    const ana = await context.newPage();
    const errors: string[] = [];
    ana.on('pageerror', (error) => errors.push(error.message));
    await ana.goto(`${suite.relay.httpUrl}/b/quality-offline-${Date.now()}`);
    await expect.poll(() => ana.getByTestId('connection').getAttribute('data-status')).toMatch(/live|synced/);
    await addItems(ana, [VAGUE]);
    await context.setOffline(true);
    await row(ana, VAGUE).click();
    await expect.poll(() => qualityOf(ana).textContent()).toContain('could not be loaded');
    // The rest of the panel works.
    await panelOf(ana).getByLabel('Estimate').fill('3');
    await panelOf(ana).getByLabel('Estimate').press('Enter');
    await expect.poll(() => row(ana, VAGUE).locator('.estimate').textContent()).toBe('3');
    await ana.screenshot({ path: `${SHOTS}story-quality-offline-1280.png` });
    // Another part loaded on first use (the Health tab) says so too, and the page stays up.
    await ana.getByRole('tab', { name: 'Health' }).click();
    await expect.poll(() => ana.locator('.load-failed').textContent()).toContain('could not be loaded while offline');
    await ana.getByRole('tab', { name: 'Backlog' }).click();
    await context.setOffline(false);
    // Chromium remembers the failed fetch for the page's life: trying again online fails too, and a reload is offered.
    await qualityOf(ana).getByRole('button', { name: 'Reload the page' }).click();
    await expect.poll(() => ana.getByTestId('connection').getAttribute('data-status')).toMatch(/live|synced/);
    await row(ana, VAGUE).click();
    await expect.poll(() => findings(ana), { timeout: 15_000 }).toEqual(['vague-words', 'no-acceptance-criteria']);
    expect(await row(ana, VAGUE).locator('.estimate').textContent()).toBe('3');
    expect(errors).toEqual([]);
  });
});
