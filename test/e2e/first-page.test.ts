/**
 * The first page, end to end in headless Chromium: create a board from the
 * home page, open it in two browser contexts, and see an item added in one
 * appear in the other through the real relay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { startRelayProcess, tempDataDir, type RelayProcess } from '../helpers/relay-process.js';

const SHOTS = new URL('../../test-results/', import.meta.url).pathname;
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

describe('the first page', () => {
  it('creates a board and syncs an item between two browsers', async () => {
    const alice = await (await browser.newContext()).newPage();
    await alice.goto(relay.httpUrl);
    await alice.getByRole('button', { name: 'Create a board' }).click();
    await alice.waitForURL(/\/b\/[A-Za-z0-9]{22}$/);
    const boardUrl = alice.url();
    await expect.poll(() => alice.getByTestId('connection').textContent()).toBe('Live');

    const bob = await (await browser.newContext({ viewport: { width: 900, height: 600 } })).newPage();
    await bob.goto(boardUrl);
    await expect.poll(() => bob.getByTestId('connection').textContent()).toBe('Live');

    await alice.getByLabel('New item').fill('As a PO, I want to reorder the backlog');
    await alice.getByRole('button', { name: 'Add' }).click();
    await bob.getByLabel('New item').fill('As a dev, I want acceptance criteria');
    await bob.keyboard.press('Enter');

    const items = (page: typeof alice) => page.locator('[data-item-id]').allTextContents();
    await expect.poll(() => items(bob)).toHaveLength(2);
    await expect.poll(() => items(alice)).toEqual(await items(bob));
    expect((await items(alice)).join('|')).toContain('reorder the backlog');
    await alice.screenshot({ path: `${SHOTS}first-page.png` });
  });
});
