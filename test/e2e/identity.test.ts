/**
 * Names: a first visit asks for one (skippable), the name is easy to find
 * and change later, and avatars show initials made of letters.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SHOTS, addItems, browserSuite, openBoard, waitLive } from './board-helpers.js';

const suite = browserSuite();
let boards = 0;

/** A browser that has never been here: no name stored. */
async function firstVisit(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  suite.track(context);
  const page = await context.newPage();
  await page.goto(url);
  await waitLive(page);
  return page;
}

const boardUrl = () => `${suite.relay.httpUrl}/b/identity-${++boards}-${Date.now()}`;

describe('my name', () => {
  it('is asked for on the first visit, shown to others with letter initials, and not asked again', async () => {
    const url = boardUrl();
    const ana = await openBoard(suite.browser, url, { name: 'Ana' });
    suite.track(ana.context);
    const page = await firstVisit(suite.browser, url);
    const form = page.getByRole('form', { name: 'Your name' });
    await expect.poll(() => form.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('my-name');
    await page.screenshot({ path: `${SHOTS}identity-welcome.png` });
    await page.keyboard.type('Priya (PO)');
    await page.keyboard.press('Enter');
    await expect.poll(() => form.count()).toBe(0);
    expect(await page.locator('.avatar-button').textContent()).toBe('PPriya (PO)');
    await expect.poll(() => ana.page.locator('.presence .avatar[title="Priya (PO)"]').textContent()).toBe('P');

    await page.reload();
    await waitLive(page);
    expect(await page.getByRole('form', { name: 'Your name' }).count()).toBe(0);
    expect(await page.locator('.my-name').textContent()).toBe('Priya (PO)');
  });

  it('can be skipped, and changed later from the header', async () => {
    const page = await firstVisit(suite.browser, boardUrl());
    await page.getByRole('button', { name: 'Skip' }).click();
    const guest = await page.locator('.my-name').textContent();
    expect(guest).toMatch(/^Guest \w+$/);
    await page.reload();
    await waitLive(page);
    expect(await page.getByRole('form', { name: 'Your name' }).count()).toBe(0);

    await page.getByRole('button', { name: /change your name/ }).click();
    await page.getByLabel('Your name, shown to others').fill('Sam Rivera');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.my-name').textContent()).toBe('Sam Rivera');
    expect(await page.locator('.avatar-button .avatar').textContent()).toBe('SR');
  });

  it('renames me in a running session too, so votes and the summary carry the new name', async () => {
    const url = boardUrl();
    const { page, context } = await openBoard(suite.browser, url, { name: 'Fay' });
    suite.track(context);
    await addItems(page, ['Sign in with SSO']);
    await page.getByRole('button', { name: 'Start grooming session' }).click();
    await expect.poll(() => page.locator('[data-participant="Fay"]').count()).toBe(1);
    await page.getByRole('button', { name: /change your name/ }).click();
    await page.getByLabel('Your name, shown to others').fill('Fay Okafor');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-participant="Fay Okafor"]').count()).toBe(1);
  });
});
