/**
 * Refinement on people's own time, in the browser: a question asked in a
 * comment with a mention, answered by the teammate while the asker is
 * offline, the item's history and the board's activity, as two people see
 * them.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SHOTS, addItems, browserSuite, row, twoPeople } from './board-helpers.js';

const suite = browserSuite();
const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Item details' });

describe('discussion and history', () => {
  it('asks a question with a mention, gets it answered while offline, and shows the history and activity', async () => {
    const { ana, bo } = await twoPeople(suite, 'discussion');
    await addItems(ana, ['Login with SSO']);

    // Ana asks a question and mentions Bo, picking him from the people on the board.
    await row(ana, 'Login with SSO').click();
    const composer = panelOf(ana).getByLabel('New comment');
    await composer.fill('Which providers first? @B');
    await expect.poll(() => panelOf(ana).getByRole('listbox', { name: 'People to mention' }).getByRole('option').allTextContents()).toEqual(['Bo']);
    await composer.press('Enter');
    await expect.poll(() => composer.inputValue()).toBe('Which providers first? @Bo ');
    await panelOf(ana).getByRole('checkbox', { name: 'Asks a question' }).check();
    await panelOf(ana).getByRole('button', { name: 'Comment', exact: true }).click();
    await expect.poll(() => panelOf(ana).locator('.thread').count()).toBe(1);
    // The open question keeps the item from ready, in the row's hint.
    await expect.poll(() => row(ana, 'Login with SSO').locator('.row-gaps').textContent()).toContain('answers to open questions');

    // Ana goes offline; Bo sees he was mentioned, opens the item (the mark goes), answers and resolves.
    await ana.context().setOffline(true);
    await expect.poll(() => ana.getByTestId('connection').getAttribute('data-status')).toBe('offline');
    await expect.poll(() => row(bo, 'Login with SSO').locator('.row-mention').count()).toBe(1);
    await bo.screenshot({ path: `${SHOTS}discussion-mention-1440.png` });
    await addItems(bo, ['A note Bo takes back']);
    await row(bo, 'Login with SSO').click();
    await expect.poll(() => row(bo, 'Login with SSO').locator('.row-mention').count()).toBe(0);
    // Opening the item marked the mention seen; that is no undo step of Bo's: Ctrl+Z takes back his note.
    await bo.locator('body').press('Control+z');
    await expect.poll(() => row(bo, 'A note Bo takes back').count()).toBe(0);
    expect(await row(bo, 'Login with SSO').locator('.row-mention').count()).toBe(0);
    const thread = panelOf(bo).locator('.thread').first();
    await expect.poll(() => thread.locator('.comment-text').first().textContent()).toBe('Which providers first? @Bo');
    expect(await thread.locator('.comment-text .mention').allTextContents()).toEqual(['@Bo']);
    await thread.getByRole('button', { name: 'Reply' }).click();
    await panelOf(bo).getByLabel('Reply', { exact: true }).fill('Google and GitHub first.\nMicrosoft later.');
    await panelOf(bo).getByRole('form', { name: 'Write a reply' }).getByRole('button', { name: 'Reply' }).click();
    await thread.getByRole('button', { name: 'Resolve' }).click();
    await panelOf(bo).getByLabel('Estimate').fill('5');
    await panelOf(bo).getByLabel('Estimate').press('Enter');

    // Back online, Ana reads the answer; the question no longer holds the item back.
    await ana.context().setOffline(false);
    await expect.poll(() => ana.getByTestId('connection').getAttribute('data-status')).toBe('live');
    await expect.poll(() => panelOf(ana).locator('.replies .comment-text').allTextContents()).toEqual(['Google and GitHub first.\nMicrosoft later.']);
    await expect.poll(() => panelOf(ana).locator('.resolved-chip').textContent()).toBe('Resolved by Bo');
    await expect.poll(() => row(ana, 'Login with SSO').locator('.row-gaps').textContent()).not.toContain('open questions');

    // The history says who changed what; the activity tab lists it for the board.
    await panelOf(ana).locator('.history summary').click();
    await expect.poll(() => panelOf(ana).locator('.history-list li').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^Bo estimate none → 5 · /), expect.stringMatching(/^Ana created it · /)]));
    await ana.screenshot({ path: `${SHOTS}discussion-panel-1280.png` });
    await ana.getByRole('tab', { name: 'Activity' }).click();
    await expect.poll(() => ana.locator('.activity-list li').first().textContent()).toMatch(/Bo.*estimate none → 5.*Login with SSO/);
    await ana.setViewportSize({ width: 1440, height: 900 });
    await ana.screenshot({ path: `${SHOTS}discussion-activity-1440.png` });
  });
});
