/**
 * What the board tells a person: a toast's Undo takes back exactly its own
 * action, an item added behind a filter is announced with a way to show it,
 * and a change the model refuses says why instead of failing silently.
 */
import { describe, expect, it } from 'vitest';
import { SHOTS, addItems, browserSuite, openBoard, row, rowTitles } from './board-helpers.js';

const suite = browserSuite();
let boards = 0;

async function board(options: { width?: number; height?: number } = {}) {
  const url = `${suite.relay.httpUrl}/b/notices-${++boards}-${Date.now()}`;
  const opened = await openBoard(suite.browser, url, { name: 'Ana', ...options });
  suite.track(opened.context);
  return opened.page;
}

describe('notices', () => {
  it("undoes exactly the toast's own action when something else happened since", async () => {
    const page = await board();
    await addItems(page, ['Keep me', 'Delete me']);
    await row(page, 'Delete me').click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => rowTitles(page)).toEqual(['Keep me']);
    // Something else happens before the person reaches for the toast.
    await addItems(page, ['Added since']);
    await expect.poll(() => rowTitles(page)).toEqual(['Keep me', 'Added since']);
    await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
    // Back under its old order key; the new item keeps the key it was given meanwhile.
    await expect.poll(async () => (await rowTitles(page)).sort()).toEqual(['Added since', 'Delete me', 'Keep me']);
  });

  it('shortens a long title in the toast', async () => {
    const page = await board({ width: 1280, height: 720 });
    const long = `A very long story title ${'that goes on '.repeat(40)}`.slice(0, 500).trim();
    await addItems(page, [long]);
    await page.keyboard.press('Escape');
    await row(page, long).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const toast = page.locator('.toast');
    await expect.poll(() => toast.textContent()).toMatch(/^Deleted “A very long story title.*…”Undo$/);
    expect((await toast.textContent())!.length).toBeLessThan(120);
    const box = (await toast.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
  });

  it('tells me when an item I add is hidden by my filters, and shows it on request', async () => {
    const page = await board();
    await addItems(page, ['Pay with cards', 'Crash on login']);
    await page.getByLabel('Search items').fill('pay');
    await expect.poll(() => rowTitles(page)).toEqual(['Pay with cards']);
    await addItems(page, ['Login with SSO']);
    const notice = page.locator('.toast');
    await expect.poll(() => notice.textContent()).toContain('“Login with SSO” was added, but your filters hide it');
    await notice.getByRole('button', { name: 'Show it' }).click();
    await expect.poll(() => rowTitles(page)).toEqual(['Pay with cards', 'Crash on login', 'Login with SSO']);
    expect(await page.getByLabel('Search items').inputValue()).toBe('');
    await expect.poll(() => row(page, 'Login with SSO').getAttribute('aria-selected')).toBe('true');
  });

  it("says why the model refused a change: a parent that is the item's own grandchild, an estimate that is no card", async () => {
    const page = await board();
    await addItems(page, ['Checkout epic', 'Saved cards', 'Card form']);
    const parent = page.getByRole('combobox', { name: 'Parent epic' });
    const pickParent = async (title: string) => {
      await parent.fill(title);
      await parent.press('Enter');
    };
    await row(page, 'Saved cards').click();
    await pickParent('Checkout epic');
    await row(page, 'Card form').click();
    await pickParent('Saved cards');
    await row(page, 'Checkout epic').click();
    await pickParent('Card form');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/“Card form”.*“Checkout epic”|“Checkout epic”.*“Card form”/);
    expect(await parent.inputValue()).toBe('');

    for (const wrong of ['banana', '-3']) {
      await page.locator('#item-estimate').fill(wrong);
      await page.locator('#item-estimate').press('Enter');
      await expect.poll(() => page.locator("#estimate-error").textContent()).toContain(wrong);
      await expect.poll(() => row(page, 'Checkout epic').locator('.estimate').textContent()).toBe('');
    }
    await page.screenshot({ path: `${SHOTS}notices-estimate-error.png` });
    await page.locator('#item-estimate').fill('M');
    await page.locator('#item-estimate').press('Enter');
    await expect.poll(() => row(page, 'Checkout epic').locator('.estimate').textContent()).toBe('M');
    expect(await page.locator('#estimate-error').count()).toBe(0);
  });
});
