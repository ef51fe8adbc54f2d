/**
 * Issue 14's "done when", as a new team would go through it on a real
 * backlog (110 issues of Spring XD with their story points, the last ten
 * left to estimate): import it, find and merge a duplicate, estimate in a
 * poker round with reference stories and a suggestion, ask a question that
 * a teammate answers while the asker is offline, read the item's history,
 * and turn a raw idea into a structured story with criteria.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SHOTS, browserSuite, dropFile, row, twoPeople } from './board-helpers.js';

const suite = browserSuite();
const SPRING_XD = readFileSync(new URL('../fixtures/import/springxd-sample.csv', import.meta.url), 'utf8');
const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Item details' });
const totals = (page: Page) => page.getByRole('status', { name: /^Totals/ }).locator('.totals-what').textContent();

/** Narrows the backlog to one item by searching its title, and opens it. */
async function openItem(page: Page, title: string) {
  await page.getByLabel('Search items').fill(title);
  await row(page, title).click();
  await expect.poll(() => panelOf(page).getByRole('textbox', { name: 'Title' }).inputValue()).toBe(title);
}

const PIPELINE = 'XD scripts need to have spring-integration milestone versions updated';
const DUPLICATE = 'Update XD to Use SI 3.0.0.M2';
const LIB_PATH = 'XD scripts lib path needs to be dynamic';

describe('refining a real backlog', () => {
  it('imports, merges a duplicate, estimates with reference stories, answers a question offline, shows history, and drafts a story', async () => {
    const { ana, bo } = await twoPeople(suite, 'refinement-journey');

    // Import: 110 real issues, 100 of them estimated.
    await dropFile(ana, 'springxd.csv', 'text/csv', SPRING_XD);
    await ana.getByRole('dialog', { name: 'Import a backlog' }).getByRole('button', { name: 'Import 110 items' }).click();
    await expect.poll(() => totals(bo)).toBe('110 items');

    // A duplicate: the scripts' version bump repeats "Update XD to Use SI 3.0.0.M2"; merged, it leaves the backlog for both.
    await openItem(ana, PIPELINE);
    const duplicates = panelOf(ana).getByRole('region', { name: 'Likely duplicates' });
    await expect.poll(() => duplicates.locator('.duplicate-title').first().textContent()).toBe(DUPLICATE);
    await ana.screenshot({ path: `${SHOTS}journey-duplicates-1280.png` });
    await duplicates.locator('li').first().getByRole('button', { name: 'Merge into this' }).click();
    await ana.getByLabel('Search items').fill('');
    await expect.poll(() => totals(bo)).toBe('109 items');
    await panelOf(ana).locator('.history summary').click();
    await expect.poll(() => panelOf(ana).locator('.history-list li').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^Ana merged “${DUPLICATE.replace(/\./g, '\\.')}” into it`))]));
    await panelOf(ana).getByRole('button', { name: 'Close details' }).click();

    // A poker round on an unestimated issue: reference stories and a suggestion the board's history supports.
    await ana.getByRole('button', { name: 'Start grooming session' }).click();
    await bo.getByRole('button', { name: 'Join as voter' }).click();
    await ana.getByLabel('Search items').fill(LIB_PATH);
    await row(ana, LIB_PATH).click();
    // The row opens its details where the session panel was; going back keeps the selection.
    await panelOf(ana).getByRole('button', { name: 'Back to the session' }).click();
    await ana.getByRole('button', { name: 'Add 1 selected' }).click();
    await ana.locator(`[data-agenda-item="${LIB_PATH}"] .agenda-title`).click();
    await ana.getByRole('button', { name: 'Start estimation' }).click();
    const hint = ana.locator('[data-round-status] .estimate-hint');
    await expect.poll(() => hint.getAttribute('data-basis'), { timeout: 20_000 }).toBe('similar');
    const suggested = Number(await hint.getAttribute('data-suggested'));
    expect([0, 1, 2, 3, 5, 8, 13, 21]).toContain(suggested);
    expect(await hint.textContent()).toMatch(/the median of the most similar estimated items: on this board's last \d+ estimates it erred by [\d.]+ points on average, the board's median by [\d.]+/);
    const references = hint.getByRole('list', { name: 'Reference stories' }).locator('li');
    await expect.poll(() => references.count()).toBe(3);
    expect(await references.first().textContent()).toMatch(/^\d+ \S/);
    await ana.screenshot({ path: `${SHOTS}journey-poker-1280.png` });
    await ana.getByRole('button', { name: String(suggested), exact: true }).click();
    await bo.getByRole('button', { name: String(suggested), exact: true }).click();
    await ana.getByRole('button', { name: 'Reveal' }).click();
    await ana.getByRole('button', { name: `Accept ${suggested}` }).click();
    await ana.getByRole('button', { name: 'End session' }).click();
    await ana.getByRole('dialog', { name: 'Session summary' }).getByRole('button', { name: 'Close' }).click();

    // A question on it, answered by Bo while Ana is offline.
    await openItem(ana, LIB_PATH);
    await panelOf(ana).getByLabel('New comment').fill('Should the lib path come from XD_HOME or from the script location?');
    await panelOf(ana).getByRole('checkbox', { name: 'Asks a question' }).check();
    await panelOf(ana).getByRole('button', { name: 'Comment', exact: true }).click();
    await expect.poll(() => panelOf(ana).locator('.thread').count()).toBe(1);
    await ana.context().setOffline(true);
    await expect.poll(() => ana.getByTestId('connection').getAttribute('data-status')).toBe('offline');
    await openItem(bo, LIB_PATH);
    const thread = panelOf(bo).locator('.thread').first();
    await expect.poll(() => thread.locator('.comment-text').first().textContent()).toBe('Should the lib path come from XD_HOME or from the script location?');
    await thread.getByRole('button', { name: 'Reply' }).click();
    await panelOf(bo).getByLabel('Reply', { exact: true }).fill('From XD_HOME, falling back to the script location');
    await panelOf(bo).getByRole('form', { name: 'Write a reply' }).getByRole('button', { name: 'Reply' }).click();
    await thread.getByRole('button', { name: 'Resolve' }).click();
    await ana.context().setOffline(false);
    await expect.poll(() => ana.getByTestId('connection').getAttribute('data-status')).toBe('live');
    await expect.poll(() => panelOf(ana).locator('.replies .comment-text').allTextContents()).toEqual(['From XD_HOME, falling back to the script location']);

    // Its history: the estimate accepted in the round, who imported it.
    await panelOf(ana).locator('.history summary').click();
    await expect.poll(() => panelOf(ana).locator('.history-list li').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^Ana estimate none → ${suggested}, accepted in planning poker · `)), expect.stringMatching(/^Ana created it · /)]),
    );
    await ana.setViewportSize({ width: 1440, height: 900 });
    await ana.screenshot({ path: `${SHOTS}journey-history-1440.png` });
    await panelOf(ana).getByRole('button', { name: 'Close details' }).click();
    await ana.getByLabel('Search items').fill('');

    // A raw idea becomes a structured story with criteria, checked and edited before it is saved.
    await ana.getByLabel('New item title').fill('filter streams by module name');
    await ana.getByRole('button', { name: 'Story assistant…' }).click();
    const dialog = ana.getByRole('dialog', { name: 'Story assistant' });
    await expect.poll(() => dialog.getByLabel('I want to').inputValue(), { timeout: 15_000 }).toBe('filter streams by module name');
    // No stories on this board yet: "user" is offered, and any other role can be typed.
    expect(await dialog.getByLabel('Role').inputValue()).toBe('user');
    await dialog.getByLabel('Role').selectOption({ label: 'Another role…' });
    await dialog.getByLabel('Other role').fill('stream developer');
    await dialog.getByLabel('so that').fill('I find the stream I deploy among many');
    await dialog.getByLabel('Criterion 1', { exact: true }).fill('Given ten deployed streams, when I filter by the module name "http", then only the streams using "http" are listed');
    await dialog.getByRole('button', { name: /^Add story with \d criteria$/ }).click();
    const story = 'As a stream developer, I want to filter streams by module name, so that I find the stream I deploy among many';
    await bo.getByLabel('Search items').fill('');
    await expect.poll(() => totals(bo)).toBe('110 items');
    await openItem(bo, story);
    await expect.poll(() => panelOf(bo).locator('.criterion-text').first().inputValue()).toBe('Given ten deployed streams, when I filter by the module name "http", then only the streams using "http" are listed');
    await bo.screenshot({ path: `${SHOTS}journey-story-1440.png` });
  }, 180_000);
});
