/**
 * The rest of what a person does on a board, in a real browser: insert at
 * a position, split, archive, delete with undo, filter, shortcuts, two tabs,
 * presence that leaves with the tab, highlights of others' changes, and a
 * 5,000-item backlog.
 */
import { describe, expect, it } from 'vitest';
import { addItem, orderedIds } from '../../shared/index.js';
import { connectClient, waitFor } from '../helpers/clients.js';
import { SHOTS, addItems, browserSuite, keyboardDragReady, openBoard, row, rowTitles, waitLive } from './board-helpers.js';

const suite = browserSuite();
let boards = 0;

async function board(name = 'Ana', options: { width?: number; height?: number } = {}) {
  const url = `${suite.relay.httpUrl}/b/features-${++boards}-${Date.now()}`;
  const opened = await openBoard(suite.browser, url, { name, ...options });
  suite.track(opened.context);
  return { url, ...opened };
}

describe('editing the backlog', () => {
  it('inserts a new item below any item, not only at the bottom', async () => {
    const { page } = await board();
    await addItems(page, ['One', 'Two', 'Three']);
    await row(page, 'One').hover();
    await row(page, 'One').getByRole('button', { name: /Insert a new item below/ }).click();
    await expect.poll(() => page.locator('.composer-position').textContent()).toContain('below “One”');
    await addItems(page, ['One and a half', 'One and three quarters']);
    await expect.poll(() => rowTitles(page)).toEqual(['One', 'One and a half', 'One and three quarters', 'Two', 'Three']);
  });

  it('splits an item in place, archives, and deletes with undo', async () => {
    const { page } = await board();
    await addItems(page, ['Before', 'Big story', 'After']);
    await row(page, 'Big story').click();
    await page.getByRole('button', { name: 'Split…' }).click();
    await page.locator('#split-lines').fill('Small story A\nSmall story B');
    await page.getByRole('button', { name: 'Split into 2' }).click();
    await expect.poll(() => rowTitles(page)).toEqual(['Before', 'Small story A', 'Small story B', 'After']);
    // The original is archived, not lost.
    await page.getByLabel('Archived').check();
    await expect.poll(() => rowTitles(page)).toEqual(['Before', 'Big story', 'Small story A', 'Small story B', 'After']);
    await page.getByLabel('Archived').uncheck();

    await row(page, 'After').click();
    await page.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => rowTitles(page)).toEqual(['Before', 'Small story A', 'Small story B']);
    await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => rowTitles(page)).toEqual(['Before', 'Small story A', 'Small story B', 'After']);

    await row(page, 'Before').click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('e');
    await expect.poll(() => rowTitles(page)).toEqual(['Small story A', 'Small story B', 'After']);
  });

  it('filters and searches without changing the order', async () => {
    const { page } = await board();
    await addItems(page, ['Pay with cards', 'Crash on login', 'Pay with vouchers', 'Login with SSO']);
    await row(page, 'Crash on login').click();
    await page.locator('#item-kind').selectOption('bug');
    await page.locator('#new-label').fill('auth');
    await page.locator('#new-label').press('Enter');
    // Added: the box is empty again for the next label, and likewise for a criterion.
    await expect.poll(() => page.locator('#new-label').inputValue()).toBe('');
    await page.locator('#new-criterion').fill('Shows the error');
    await page.locator('#new-criterion').press('Enter');
    await expect.poll(() => page.locator('#new-criterion').inputValue()).toBe('');
    await row(page, 'Login with SSO').click();
    await page.locator('#new-label').fill('auth');
    await page.locator('#new-label').press('Enter');
    await page.keyboard.press('Escape');

    await page.getByLabel('Search items').fill('pay');
    await expect.poll(() => rowTitles(page)).toEqual(['Pay with cards', 'Pay with vouchers']);
    await page.getByLabel('Search items').fill('');
    await page.getByLabel('Filter by label').selectOption('auth');
    await expect.poll(() => rowTitles(page)).toEqual(['Crash on login', 'Login with SSO']);
    await page.getByLabel('Filter by kind').selectOption('bug');
    await expect.poll(() => rowTitles(page)).toEqual(['Crash on login']);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rowTitles(page)).toEqual(['Pay with cards', 'Crash on login', 'Pay with vouchers', 'Login with SSO']);
  });

  it('lists the keyboard shortcuts in a help overlay', async () => {
    const { page } = await board();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => help.isVisible()).toBe(true);
    expect(await help.textContent()).toContain('Move the selected items up or down');
    await page.keyboard.press('Escape');
    await expect.poll(() => help.isVisible()).toBe(false);
  });
});

describe('working together', () => {
  it('keeps two tabs of one browser in sync', async () => {
    const { url, context, page } = await board();
    const second = await context.newPage();
    await second.goto(url);
    await waitLive(second);
    await addItems(page, ['From tab one']);
    await addItems(second, ['From tab two']);
    await expect.poll(() => rowTitles(page)).toEqual(['From tab one', 'From tab two']);
    await expect.poll(() => rowTitles(second)).toEqual(['From tab one', 'From tab two']);
  });

  it("removes a person's presence as soon as they close the tab, and flashes what others change", async () => {
    const { url, page: ana } = await board('Ana');
    const ben = await openBoard(suite.browser, url, { name: 'Ben' });
    suite.track(ben.context);
    await expect.poll(() => ana.locator('.presence .avatar').count()).toBe(2);

    await addItems(ben.page, ['Ben was here']);
    await expect.poll(() => row(ana, 'Ben was here').locator('.row-flash').count()).toBe(1);

    // Ben renames himself; Ana sees the new name. Then Ana picks up an item and Ben sees who moves it.
    await ben.page.locator('.avatar-button').click();
    await ben.page.locator('#my-name').fill('Benjamin');
    await ben.page.locator('#my-name').press('Enter');
    await expect.poll(() => ana.locator('.presence .avatar[title="Benjamin"]').count()).toBe(1);
    await row(ana, 'Ben was here').focus();
    await ana.keyboard.press('Space');
    await keyboardDragReady(ana);
    await expect.poll(() => row(ben.page, 'Ben was here').getAttribute('data-moved-by')).toBe('Ana');
    await ana.keyboard.press('Escape');
    await expect.poll(() => row(ben.page, 'Ben was here').getAttribute('data-moved-by')).toBe(null);

    await ben.page.close();
    await expect.poll(() => ana.locator('.presence .avatar').count(), { timeout: 2000 }).toBe(1);
  });
});

describe('a large backlog', () => {
  it('renders 5,000 items with only the visible rows in the page', async () => {
    const boardId = `large-${Date.now()}`;
    const writer = connectClient(suite.relay.syncUrl, boardId);
    await writer.synced();
    writer.doc.transact(() => {
      for (let i = 1; i <= 5000; i++) addItem(writer.doc, { title: `Story ${i}` });
    });
    const witness = connectClient(suite.relay.syncUrl, boardId);
    await waitFor(() => orderedIds(witness.doc).length === 5000, 'the relay to hold all 5,000 items', 20_000);
    writer.destroy();
    witness.destroy();

    const { page, context } = await openBoard(suite.browser, `${suite.relay.httpUrl}/b/${boardId}`, { name: 'Ana' });
    suite.track(context);
    await expect.poll(() => page.locator('.count').textContent()).toBe('5000 items');
    const rendered = await page.locator('[role="option"]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);
    await page.keyboard.press('End');
    await expect.poll(() => rowTitles(page)).toContain('Story 5000');
    await page.screenshot({ path: `${SHOTS}board-large.png` });

    // Someone else inserting at the top does not move what I am reading.
    const topRow = () =>
      page.evaluate(() => {
        const list = document.querySelector('.list-scroll')!.getBoundingClientRect();
        return document.elementFromPoint(list.left + list.width / 2, list.top + 10)?.closest('[role="option"]')?.querySelector('.row-title')?.textContent;
      });
    const before = await topRow();
    expect(before).toMatch(/^Story 49\d\d$/);
    const other = connectClient(suite.relay.syncUrl, boardId);
    await other.synced();
    for (let i = 0; i < 3; i++) addItem(other.doc, { title: `Inserted at the top ${i}` }, { after: null });
    await expect.poll(() => page.locator('.count').textContent()).toBe('5003 items');
    expect(await topRow()).toBe(before);
    other.destroy();
  });
});
