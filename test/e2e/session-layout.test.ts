/**
 * The grooming session's panel on laptop screens: a long agenda title is cut
 * with an ellipsis and the panel never scrolls sideways, and the poker
 * controls (Reveal, then Re-vote and Accept) are on screen without
 * scrolling, at 1280x720 as at 1440x900.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SHOTS, addItems, browserSuite, openBoard } from './board-helpers.js';

const suite = browserSuite();
let boards = 0;

const LONG = `Support ${'very '.repeat(60)}long titles in the agenda`.slice(0, 320);
const UNBROKEN = `Unbroken${'x'.repeat(200)}`;

/** Where an element is relative to the window and the grooming panel, and whether the panel was scrolled. */
function placement(page: Page, selector: string) {
  return page.evaluate((selector) => {
    const panel = document.querySelector<HTMLElement>('.grooming-panel')!;
    const box = panel.getBoundingClientRect();
    const target = document.querySelector(selector)!.getBoundingClientRect();
    return {
      inWindow: target.top >= 0 && target.bottom <= window.innerHeight && target.left >= 0 && target.right <= window.innerWidth,
      inPanel: target.left >= box.left && target.right <= box.right,
      panelScrolled: panel.scrollTop,
    };
  }, selector);
}

/** Whether anything in the panel is wider than the panel (it would scroll, or cut off controls). */
function overflowsSideways(page: Page) {
  return page.evaluate(() => {
    const panel = document.querySelector<HTMLElement>('.grooming-panel')!;
    const right = panel.getBoundingClientRect().right + 0.5;
    const wide = [...panel.querySelectorAll('*')].filter((element) => element.getBoundingClientRect().right > right && getComputedStyle(element).visibility !== 'hidden');
    return { scrolls: panel.scrollWidth > panel.clientWidth, wide: wide.slice(0, 3).map((element) => element.outerHTML.slice(0, 80)) };
  });
}

describe.each([
  [1280, 720],
  [1440, 900],
])('the session panel at %ix%i', (width, height) => {
  it('truncates agenda titles, never scrolls sideways, and shows the poker controls without scrolling', async () => {
    const url = `${suite.relay.httpUrl}/b/layout-${++boards}-${Date.now()}`;
    const { page, context } = await openBoard(suite.browser, url, { name: 'Fay', width, height });
    suite.track(context);
    await addItems(page, [LONG, UNBROKEN, ...Array.from({ length: 10 }, (_, i) => `Story number ${i + 1} with a reasonable title`)]);
    await page.getByRole('button', { name: 'Start grooming session' }).click();
    await expect.poll(() => page.locator('[data-agenda-item]').count()).toBe(10);

    expect(await overflowsSideways(page)).toEqual({ scrolls: false, wide: [] });
    const title = page.locator('.agenda-item').first().locator('.agenda-text');
    expect(await title.evaluate((element) => getComputedStyle(element).textOverflow)).toBe('ellipsis');
    expect(await title.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    const remove = await page.getByRole('button', { name: /^Remove .* from the agenda$/ }).first().boundingBox();
    const panel = (await page.locator('.grooming-panel').boundingBox())!;
    expect(remove!.x + remove!.width).toBeLessThanOrEqual(panel.x + panel.width);

    await page.getByRole('button', { name: 'Start estimation' }).click();
    await page.getByRole('button', { name: '5', exact: true }).click();
    expect(await placement(page, '.poker-actions button')).toEqual({ inWindow: true, inPanel: true, panelScrolled: 0 });
    await page.screenshot({ path: `${SHOTS}session-voting-${width}x${height}.png` });

    await page.getByRole('button', { name: 'Reveal' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Accept/ }).count()).toBe(1);
    for (const button of ['Re-vote', 'Accept 5']) {
      const box = (await page.getByRole('button', { name: button }).boundingBox())!;
      expect(box.y + box.height, `${button} is below the fold`).toBeLessThanOrEqual(height);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }
    expect(await page.locator('.grooming-panel').evaluate((element) => element.scrollTop)).toBe(0);
    expect(await overflowsSideways(page)).toEqual({ scrolls: false, wide: [] });
    await page.screenshot({ path: `${SHOTS}session-revealed-${width}x${height}.png` });
  });
});
