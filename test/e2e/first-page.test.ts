/**
 * The home page, end to end in headless Chromium: create a titled board,
 * find it again among the recent boards, and share its link.
 */
import { describe, expect, it } from 'vitest';
import { SHOTS, addItems, browserSuite, rowTitles, waitLive } from './board-helpers.js';

const suite = browserSuite();

describe('the home page', () => {
  it('creates a titled board with an unguessable link and lists it among recent boards', async () => {
    const { relay, browser } = suite;
    const context = await browser.newContext();
    suite.track(context);
    const page = await context.newPage();
    await page.goto(relay.httpUrl);
    await page.getByLabel('Board title').fill('Checkout team backlog');
    await page.getByRole('button', { name: 'Create a board' }).click();
    // 22 base-62 characters: about 131 bits.
    await page.waitForURL(/\/b\/[A-Za-z0-9]{22}$/);
    await waitLive(page);
    await expect.poll(() => page.getByLabel('Board title').inputValue()).toBe('Checkout team backlog');
    await addItems(page, ['As a PO, I want to reorder the backlog']);
    const boardUrl = page.url();

    await page.goto(relay.httpUrl);
    await page.screenshot({ path: `${SHOTS}home.png` });
    const recent = page.getByRole('link', { name: 'Checkout team backlog' });
    await recent.click();
    await page.waitForURL(boardUrl);
    await expect.poll(() => rowTitles(page)).toEqual(['As a PO, I want to reorder the backlog']);

    // A teammate with the link sees the same board and title.
    const teammateContext = await browser.newContext();
    suite.track(teammateContext);
    const teammate = await teammateContext.newPage();
    await teammate.goto(boardUrl);
    await waitLive(teammate);
    await expect.poll(() => teammate.getByLabel('Board title').inputValue()).toBe('Checkout team backlog');
    await expect.poll(() => rowTitles(teammate)).toEqual(['As a PO, I want to reorder the backlog']);
  });
});
