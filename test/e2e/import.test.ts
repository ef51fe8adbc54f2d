/**
 * Importing in the browser, as a new user would: drop a Jira CSV export on
 * the board, check the preview, import, see the items in a second person's
 * window, undo.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHOTS, browserSuite, rowTitles, twoPeople } from './board-helpers.js';

const suite = browserSuite();
const JIRA = readFileSync(new URL('../fixtures/import/jira-cloud.csv', import.meta.url), 'utf8');

describe('importing a file', () => {
  it('previews a dropped Jira export, imports it for everyone, and undoes it in one step', async () => {
    const { ana, bo } = await twoPeople(suite, 'import');

    await ana.evaluate((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'jira-cloud.csv', { type: 'text/csv' }));
      const target = document.querySelector('.board-app')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, JIRA);
    const dialog = ana.getByRole('dialog', { name: 'Import a backlog' });
    await expect.poll(() => dialog.getByLabel('What the import does').textContent()).toBe('5 new items, 0 already on the board (updated where they differ)');
    expect(await dialog.getByLabel('Format').inputValue()).toBe('jira-csv');
    expect(await dialog.getByLabel('Column for estimate').inputValue()).toBe('Custom field (Story Points)');
    expect(await dialog.locator('.import-warnings summary').textContent()).toBe('3 warnings');
    expect(await dialog.getByLabel('Warnings').textContent()).toContain('title is 600 characters long: cut to 500');
    await ana.screenshot({ path: `${SHOTS}import-preview-1280.png` });
    await ana.setViewportSize({ width: 1440, height: 900 });
    await ana.screenshot({ path: `${SHOTS}import-preview-1440.png` });

    await dialog.getByRole('button', { name: 'Import 5 items' }).click();
    const titles = ['Checkout revamp', 'Pay by card', 'Card form loses input on reload', 'Show receipt', 'X'.repeat(500)];
    await expect.poll(() => rowTitles(ana)).toEqual(titles);
    await expect.poll(() => rowTitles(bo)).toEqual(titles);
    await ana.screenshot({ path: `${SHOTS}import-done-1440.png` });

    await ana.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => rowTitles(ana)).toEqual([]);
    await expect.poll(() => rowTitles(bo)).toEqual([]);
  });
});
