/**
 * Two people on one board, each in their own browser context, through the
 * real relay: what they do together, offline, by keyboard, and with undo.
 */
import { describe, expect, it } from 'vitest';
import { SHOTS, addItems, browserSuite, dragRow, keyboardDragReady, openBoard, row, rowTitles, waitLive } from './board-helpers.js';

const suite = browserSuite();
let boardCount = 0;

/** A fresh board opened by Ana (wide window) and Ben (smaller window). */
async function twoPeople(options: { benDark?: boolean } = {}) {
  const url = `${suite.relay.httpUrl}/b/e2e-board-${++boardCount}-${Date.now()}`;
  const ana = await openBoard(suite.browser, url, { name: 'Ana', width: 1400, height: 850 });
  const ben = await openBoard(suite.browser, url, { name: 'Ben', width: 1024, height: 700, dark: options.benDark });
  suite.track(ana.context);
  suite.track(ben.context);
  return { url, ana: ana.page, ben: ben.page, anaContext: ana.context };
}

describe('working together on a board', () => {
  it("sees each other's adds, edits, reorders and block moves", async () => {
    const { ana, ben } = await twoPeople();
    await addItems(ana, ['Checkout with saved cards', 'Export orders to CSV', 'Fix VAT rounding', 'Address autocomplete']);
    await expect.poll(() => rowTitles(ben)).toEqual(['Checkout with saved cards', 'Export orders to CSV', 'Fix VAT rounding', 'Address autocomplete']);

    // Ben renames an item in its panel and gives it an estimate.
    await row(ben, 'Fix VAT rounding').click();
    await ben.getByLabel('Title', { exact: true }).fill('Fix VAT rounding in totals');
    await ben.locator('#item-estimate').fill('3');
    await ben.locator('#item-estimate').press('Enter');
    await expect.poll(() => rowTitles(ana)).toContain('Fix VAT rounding in totals');
    await expect.poll(() => row(ana, 'Fix VAT rounding in totals').locator('.estimate').textContent()).toBe('3');

    // Ana drags the last item to the top.
    await dragRow(ana, 'Address autocomplete', 'Checkout with saved cards');
    const reordered = ['Address autocomplete', 'Checkout with saved cards', 'Export orders to CSV', 'Fix VAT rounding in totals'];
    await expect.poll(() => rowTitles(ana)).toEqual(reordered);
    await expect.poll(() => rowTitles(ben)).toEqual(reordered);

    // Ben selects two items and drags them to the bottom as one block.
    // (Escape closes the panel, a second Escape clears the selection.)
    await ben.keyboard.press('Escape');
    await ben.keyboard.press('Escape');
    await row(ben, 'Address autocomplete').click({ modifiers: ['Control'] });
    await row(ben, 'Export orders to CSV').click({ modifiers: ['Control'] });
    await dragRow(ben, 'Export orders to CSV', 'Fix VAT rounding in totals');
    const blockMoved = ['Checkout with saved cards', 'Fix VAT rounding in totals', 'Address autocomplete', 'Export orders to CSV'];
    await expect.poll(() => rowTitles(ben)).toEqual(blockMoved);
    await expect.poll(() => rowTitles(ana)).toEqual(blockMoved);
    await ana.screenshot({ path: `${SHOTS}board-together.png` });
  });

  it("shows Ana's pointer over the same item in Ben's smaller window", async () => {
    const { ana, ben } = await twoPeople({ benDark: true });
    await addItems(ana, ['One', 'Two', 'Three', 'Four', 'Five']);
    await expect.poll(() => rowTitles(ben)).toHaveLength(5);
    const target = row(ana, 'Four');
    const box = (await target.boundingBox())!;
    await ana.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.5, { steps: 4 });
    const itemId = await target.getAttribute('data-item-id');

    const cursor = ben.locator('.remote-cursor[data-cursor-of="Ana"]');
    await expect.poll(() => cursor.getAttribute('data-cursor-item')).toBe(itemId);
    // Where the tip of Ana's pointer is drawn, as fractions of Ben's row for that item.
    const tipInRow = async () => {
      const tip = (await cursor.locator('svg').boundingBox())!;
      const benRow = (await row(ben, 'Four').boundingBox())!;
      return { x: (tip.x - benRow.x) / benRow.width, y: (tip.y - benRow.y) / benRow.height };
    };
    await expect.poll(tipInRow).toSatisfy(({ x, y }: { x: number; y: number }) => Math.abs(x - 0.4) < 0.03 && Math.abs(y - 0.5) < 0.1);
    await ben.screenshot({ path: `${SHOTS}board-cursor-dark.png` });
  });

  it('keeps both texts when two people type in one description at once', async () => {
    const { ana, ben } = await twoPeople();
    await addItems(ana, ['Shared story']);
    await expect.poll(() => rowTitles(ben)).toEqual(['Shared story']);
    await row(ana, 'Shared story').click();
    await row(ben, 'Shared story').click();
    const anaField = ana.locator('#item-description');
    const benField = ben.locator('#item-description');
    await anaField.click();
    await benField.click();
    await Promise.all([anaField.pressSequentially('Ana writes the why. ', { delay: 15 }), benField.pressSequentially('Ben adds the how. ', { delay: 15 })]);
    await expect.poll(async () => [await anaField.inputValue(), await benField.inputValue()]).toSatisfy(
      ([a, b]: string[]) => a === b && a!.includes('Ana writes the why.') && a!.includes('Ben adds the how.'),
    );
    // Ben sees that Ana is in that field.
    await expect.poll(() => ben.locator('[data-editing-field="description"]').textContent()).toContain('Ana');
    await ana.screenshot({ path: `${SHOTS}board-panel.png` });
  });

  it('keeps edits made offline across a reload and merges them when back online', async () => {
    const { ana, ben, anaContext } = await twoPeople();
    await addItems(ana, ['Alpha', 'Beta', 'Gamma']);
    await expect.poll(() => rowTitles(ben)).toHaveLength(3);
    // The service worker must hold the app before the network goes away.
    await ana.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    await anaContext.setOffline(true);
    await expect.poll(() => ana.getByTestId('connection').getAttribute('data-status')).toBe('offline');
    await addItems(ana, ['Written offline 1', 'Written offline 2']);
    await dragRow(ana, 'Gamma', 'Alpha');
    await expect.poll(() => ana.getByTestId('connection').textContent()).toMatch(/waiting to sync/);
    await ben.keyboard.press('Escape');
    await addItems(ben, ['Ben meanwhile']);

    await ana.reload();
    await expect.poll(() => rowTitles(ana)).toEqual(['Gamma', 'Alpha', 'Beta', 'Written offline 1', 'Written offline 2']);
    await expect.poll(() => ana.getByTestId('connection').getAttribute('data-status')).toBe('offline');
    expect(await rowTitles(ben)).not.toContain('Written offline 1');

    await anaContext.setOffline(false);
    await waitLive(ana);
    await expect.poll(() => rowTitles(ana)).toHaveLength(6);
    await expect.poll(async () => JSON.stringify(await rowTitles(ben))).toBe(JSON.stringify(await rowTitles(ana)));
    const merged = await rowTitles(ana);
    expect(merged.slice(0, 3)).toEqual(['Gamma', 'Alpha', 'Beta']);
    expect(new Set(merged)).toEqual(new Set(['Gamma', 'Alpha', 'Beta', 'Written offline 1', 'Written offline 2', 'Ben meanwhile']));
  });

  it('reorders by keyboard alone', async () => {
    const { ana, ben } = await twoPeople();
    await addItems(ana, ['First', 'Second', 'Third']);
    await ana.getByLabel('New item title').blur();
    // j focuses the first row; Space picks it up, ArrowDown moves it, Space drops it.
    await ana.keyboard.press('j');
    await expect.poll(() => ana.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('1. First');
    const announced = () => ana.locator('[id^="DndLiveRegion"]').textContent();
    await ana.keyboard.press('Space');
    await keyboardDragReady(ana);
    await expect.poll(announced).toMatch(/First is over position 1|Picked up First/);
    await ana.keyboard.press('ArrowDown');
    await expect.poll(announced).toMatch(/First is over position 2/);
    await ana.keyboard.press('Space');
    await expect.poll(announced).toMatch(/Dropped First at position 2/);
    await expect.poll(() => rowTitles(ana)).toEqual(['Second', 'First', 'Third']);
    // Alt+ArrowDown moves the focused item one more step.
    await ana.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => rowTitles(ana)).toEqual(['Second', 'Third', 'First']);
    await expect.poll(() => rowTitles(ben)).toEqual(['Second', 'Third', 'First']);
  });

  it('undoes only my own change', async () => {
    const { ana, ben } = await twoPeople();
    await addItems(ana, ['Mine', 'Theirs']);
    await expect.poll(() => rowTitles(ben)).toEqual(['Mine', 'Theirs']);
    await ana.keyboard.press('Escape');
    await row(ana, 'Mine').click();
    await ana.getByLabel('Title', { exact: true }).fill('Mine, renamed');
    await row(ben, 'Theirs').click();
    await ben.getByLabel('Title', { exact: true }).fill('Theirs, renamed');
    await expect.poll(() => rowTitles(ana)).toEqual(['Mine, renamed', 'Theirs, renamed']);

    await ana.getByLabel('Title', { exact: true }).focus();
    await ana.keyboard.press('Control+z');
    await expect.poll(() => rowTitles(ana)).toEqual(['Mine', 'Theirs, renamed']);
    await expect.poll(() => rowTitles(ben)).toEqual(['Mine', 'Theirs, renamed']);
    await ana.keyboard.press('Control+Shift+z');
    await expect.poll(() => rowTitles(ben)).toEqual(['Mine, renamed', 'Theirs, renamed']);
  });
});
