/**
 * Pasting a list into the new-item box, in a real browser: the board offers
 * to add one item per line (checkboxes under a line becoming its criteria)
 * instead of joining the lines into one title; a second person sees them.
 */
import { describe, expect, it } from 'vitest';
import { SHOTS, browserSuite, rowTitles, twoPeople } from './board-helpers.js';

const suite = browserSuite();

/** Pastes text into the focused element as a person would (a paste event carrying the clipboard's text). */
async function paste(page: import('playwright-core').Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).evaluate((element, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

describe('pasting several lines into the new-item box', () => {
  it('offers to add them as separate items, and adds them for everyone', async () => {
    const { ana, bo } = await twoPeople(suite, 'paste');
    const list = '- Pay by card\n  - [ ] declines show why\n- Pay by invoice\n\n- Refunds\n';
    await paste(ana, 'input[aria-label="New item title"]', list);
    const offer = ana.getByRole('group', { name: 'Pasted lines' });
    await expect.poll(() => offer.textContent()).toContain('4 lines pasted');
    await ana.screenshot({ path: `${SHOTS}paste-offer-1280.png` });
    await ana.setViewportSize({ width: 1440, height: 900 });
    await ana.screenshot({ path: `${SHOTS}paste-offer-1440.png` });
    await offer.getByRole('button', { name: 'Add 3 items' }).click();
    await expect.poll(() => rowTitles(ana)).toEqual(['Pay by card', 'Pay by invoice', 'Refunds']);
    await expect.poll(() => rowTitles(bo)).toEqual(['Pay by card', 'Pay by invoice', 'Refunds']);
    expect(await offer.count()).toBe(0);
    expect(await ana.getByLabel('New item title').inputValue()).toBe('');

    // Joining is still possible: the lines become one title.
    await paste(ana, 'input[aria-label="New item title"]', 'first half\nsecond half');
    await offer.getByRole('button', { name: 'Join into one title' }).click();
    expect(await ana.getByLabel('New item title').inputValue()).toBe('first half second half');
    // One line pastes as usual, with no offer.
    await ana.getByLabel('New item title').fill('');
    await paste(ana, 'input[aria-label="New item title"]', 'just one line');
    expect(await offer.count()).toBe(0);
  });
});
