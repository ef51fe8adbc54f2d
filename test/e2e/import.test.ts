/**
 * Importing in the browser, as a new user would: drop a Jira CSV export on
 * the board, check the preview, import, see the items in a second person's
 * window, undo.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { orderedItems, updateItem } from '../../shared/index.js';
import { connectClient } from '../helpers/clients.js';
import { SHOTS, browserSuite, dropFile, row, rowTitles, twoPeople } from './board-helpers.js';

const suite = browserSuite();
const JIRA = readFileSync(new URL('../fixtures/import/jira-cloud.csv', import.meta.url), 'utf8');

describe('importing a file', () => {
  it('previews a dropped Jira export, imports it for everyone, and undoes it in one step', async () => {
    const { ana, bo } = await twoPeople(suite, 'import');

    await dropFile(ana, 'jira-cloud.csv', 'text/csv', JIRA);
    const dialog = ana.getByRole('dialog', { name: 'Import a backlog' });
    await expect.poll(() => dialog.getByLabel('What the import does').textContent()).toBe('5 new items, 0 already on the board (updated where they differ)');
    expect(await dialog.getByLabel('Format').inputValue()).toBe('jira-csv');
    expect(await dialog.getByLabel('Column for estimate').inputValue()).toBe('Custom field (Story Points)');
    expect(await dialog.locator('.import-warnings summary').textContent()).toBe('3 warnings');
    expect(await dialog.getByLabel('Warnings').textContent()).toContain('title is 600 characters long: cut to 500');
    // The priority mapping is visible and editable: High becomes Must instead of Should (choosing one also settles the others as shown).
    expect(await dialog.getByLabel('Priority for High', { exact: true }).inputValue()).toBe('should');
    await dialog.getByLabel('Priority for High', { exact: true }).selectOption('must');
    await expect.poll(() => dialog.getByLabel('Priority for High', { exact: true }).inputValue()).toBe('must');
    await ana.screenshot({ path: `${SHOTS}import-preview-1280.png` });
    await ana.setViewportSize({ width: 1440, height: 900 });
    await ana.screenshot({ path: `${SHOTS}import-preview-1440.png` });

    await dialog.getByRole('button', { name: 'Import 5 items' }).click();
    const titles = ['Checkout revamp', 'Pay by card', 'Card form loses input on reload', 'Show receipt', 'X'.repeat(500)];
    await expect.poll(() => rowTitles(ana)).toEqual(titles);
    await expect.poll(() => rowTitles(bo)).toEqual(titles);
    await ana.screenshot({ path: `${SHOTS}import-done-1440.png` });
    // Each item says where it came from.
    await row(bo, 'Pay by card').dblclick();
    await expect.poll(() => bo.getByLabel('Imported from').textContent()).toBe('Imported from Jira · PAY-2');

    // Out again: the board as JSON, and after an estimate changes, the write-back for Jira.
    const download = async (format: string) => {
      await ana.getByRole('button', { name: 'Export' }).click();
      await ana.getByLabel('Export format').selectOption(format);
      const [file] = await Promise.all([ana.waitForEvent('download'), ana.getByRole('button', { name: 'Download' }).click()]);
      return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
    };
    const json = await download('json');
    expect(json.name).toBe('backlog.json');
    expect((JSON.parse(json.text) as { items: { title: string }[] }).items.map((item) => item.title)).toEqual(titles);
    const board = new URL(ana.url()).pathname.split('/').pop()!;
    const carol = connectClient(suite.relay.syncUrl, board, new Y.Doc());
    await carol.synced();
    updateItem(carol.doc, orderedItems(carol.doc).find((item) => item.title === 'Pay by card')!.id, { estimate: 8 });
    await expect.poll(() => ana.locator('.totals-points').textContent()).toBe('11 points');
    const estimates = await download('estimates-csv');
    expect(estimates.name).toBe('backlog-estimates.csv');
    expect(estimates.text).toBe('Issue key,Issue id,Summary,Story Points\r\nPAY-2,10002,Pay by card,8\r\n');
    carol.destroy();

    // The import's notice (with its Undo) has gone by now: the shortcut takes the import back, all of it.
    await ana.locator('body').press('Control+z');
    await expect.poll(() => rowTitles(ana)).toEqual([]);
    await expect.poll(() => rowTitles(bo)).toEqual([]);
  });

  it('imports a large list in steps, for everyone, and one undo takes all of it back', async () => {
    const { ana, bo } = await twoPeople(suite, 'import-large');
    const lines = Array.from({ length: 1200 }, (_, index) => `Story number ${index + 1}`).join('\n');
    await dropFile(ana, 'list.txt', 'text/plain', lines);
    const dialog = ana.getByRole('dialog', { name: 'Import a backlog' });
    await dialog.getByRole('button', { name: 'Import 1200 items' }).click();
    const count = (page: typeof ana) => page.locator('.toolbar .count').textContent();
    await expect.poll(() => count(ana), { timeout: 20_000 }).toBe('1200 items');
    await expect.poll(() => count(bo), { timeout: 20_000 }).toBe('1200 items');
    await ana.locator('body').press('Control+z');
    await expect.poll(() => count(ana), { timeout: 20_000 }).toBe('0 items');
    await expect.poll(() => count(bo), { timeout: 20_000 }).toBe('0 items');
  });
});
