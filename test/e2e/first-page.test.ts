/**
 * The home page, end to end in headless Chromium: create a titled board,
 * find it again among the recent boards, and share its link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { startRelayProcess, tempDataDir, type RelayProcess } from '../helpers/relay-process.js';
import { SHOTS, addItems, rowTitles, waitLive } from './board-helpers.js';

let relay: RelayProcess;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [relay, browser] = await Promise.all([startRelayProcess(tempDataDir()), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await relay?.kill('SIGKILL');
});

describe('the home page', () => {
  it('creates a titled board with an unguessable link and lists it among recent boards', async () => {
    const context = await browser.newContext();
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
    const teammate = await (await browser.newContext()).newPage();
    await teammate.goto(boardUrl);
    await waitLive(teammate);
    await expect.poll(() => teammate.getByLabel('Board title').inputValue()).toBe('Checkout team backlog');
    await expect.poll(() => rowTitles(teammate)).toEqual(['As a PO, I want to reorder the backlog']);
    await context.close();
    await teammate.context().close();
  });
});
