/**
 * Burn-ups in the browser: a board with three past sprints, one closed on
 * the board and one active around today; the charts show, and follow an
 * item marked done in the page and one added to the sprint by someone else.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { addItem, addPastSprint, assignToSprint, closeSprint, createSprint, itemsMap, orderedItems, startSprint, updateItems } from '../../shared/index.js';
import { connectClient } from '../helpers/clients.js';
import { SHOTS, browserSuite, openBoard } from './board-helpers.js';

const suite = browserSuite();
const DAY = 86_400_000;
/** A day relative to today (UTC), as 'YYYY-MM-DD', and a moment in it. */
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const at = (offset: number, hour: number) => Date.parse(`${day(offset)}T${String(hour).padStart(2, '0')}:00:00Z`);

/** A board: past sprints of 18, 22 and 20 points, Sprint 4 closed with 13 done, Sprint 5 active since six days. */
function seed(doc: Y.Doc): Record<string, string> {
  for (const [name, end, points] of [['Sprint 1', -49, 18], ['Sprint 2', -35, 22], ['Sprint 3', -21, 20]] as const) addPastSprint(doc, { name, start: day(end - 13), end: day(end), donePoints: points });
  const ids: Record<string, string> = {};
  for (const [title, estimate] of [['Payments', 8], ['Search', 5], ['Invoices', 3], ['Login', 5], ['Signup', 3], ['Profile', 8], ['Avatars', 2], ['Settings', 'M'], ['Reports', 8], ['Export', 5]] as const) {
    ids[title] = addItem(doc, { title, estimate: estimate as number });
  }
  const four = createSprint(doc, { name: 'Sprint 4', start: day(-20), end: day(-7) });
  assignToSprint(doc, [ids.Payments!, ids.Search!, ids.Invoices!], four, { by: 'Ana' });
  startSprint(doc, four);
  updateItems(doc, [ids.Payments!, ids.Search!], { status: 'done' });
  closeSprint(doc, four, orderedItems(doc), { carryTo: null, by: 'Ana' });
  // Scope grew after Sprint 4 closed.
  ids.Import = addItem(doc, { title: 'Import', estimate: 13 });
  const five = createSprint(doc, { name: 'Sprint 5', start: day(-6), end: day(7) });
  ids.five = five;
  assignToSprint(doc, [ids.Login!, ids.Signup!, ids.Profile!, ids.Avatars!, ids.Settings!], five, { by: 'Ana' });
  startSprint(doc, five);
  updateItems(doc, [ids.Login!, ids.Signup!], { status: 'done' });
  // What happened when: committed the day before the start, Profile two days in; Login done on day 2, Signup on day 4.
  doc.transact(() => {
    const items = itemsMap(doc);
    for (const title of ['Login', 'Signup', 'Avatars', 'Settings']) items.get(ids[title]!)!.set('sprintAt', at(-7, 12));
    items.get(ids.Profile!)!.set('sprintAt', at(-4, 10));
    items.get(ids.Login!)!.set('doneAt', at(-5, 15));
    items.get(ids.Signup!)!.set('doneAt', at(-3, 11));
  });
  return ids;
}

const sprintFigure = (page: Page) => page.locator('[data-burnup-sprint]');
const releaseFigure = (page: Page) => page.locator('[data-release-done]');

describe('burn-ups', () => {
  it('show the active sprint and the release, and follow changes made here and elsewhere', async () => {
    const board = `burnup-${Date.now()}`;
    const { context, page } = await openBoard(suite.browser, `${suite.relay.httpUrl}/b/${board}`, { name: 'Ana', width: 1280, height: 720 });
    suite.track(context);
    const seeder = connectClient(suite.relay.syncUrl, board, new Y.Doc());
    await seeder.synced();
    const ids = seed(seeder.doc);
    await page.getByRole('tab', { name: 'Planning' }).click();

    // Sprint 5: Login 5, Signup 3, Profile 8, Avatars 2 (and a card): 8 of 18 points done.
    await expect.poll(() => sprintFigure(page).getAttribute('data-burnup-done')).toBe('8');
    expect(await sprintFigure(page).getAttribute('data-burnup-scope')).toBe('18');
    expect(await sprintFigure(page).locator('figcaption').textContent()).toBe('Sprint 5 8 of 18 points done · 0 of 1 unestimated items done');
    // The release: 18 + 22 + 20 + 13 done in closed sprints, and 8 in Sprint 5; 73 + 18 in Sprint 5 + 29 in the backlog.
    expect(await releaseFigure(page).getAttribute('data-release-done')).toBe('81');
    expect(await releaseFigure(page).getAttribute('data-release-scope')).toBe('120');
    // The forecast (from the worker) comes in and meets the scope.
    await expect.poll(() => releaseFigure(page).getAttribute('data-release-reaches')).toMatch(/^\d{4}-\d\d-\d\d:\d{4}-\d\d-\d\d$/);
    expect(await page.locator('.burnup-chart svg').count()).toBe(2);

    // Ana marks Avatars done in the item panel.
    await page.getByRole('region', { name: 'Sprint 5' }).getByText('Avatars', { exact: true }).click();
    await page.getByRole('complementary', { name: 'Item details' }).getByLabel('Status').selectOption('done');
    await expect.poll(() => sprintFigure(page).getAttribute('data-burnup-done')).toBe('10');
    await expect.poll(() => releaseFigure(page).getAttribute('data-release-done')).toBe('83');
    // Someone else commits Reports to the sprint: its scope grows in Ana's chart.
    assignToSprint(seeder.doc, [ids.Reports!], ids.five!, { by: 'Bo' });
    await expect.poll(() => sprintFigure(page).getAttribute('data-burnup-scope')).toBe('26');
    // The screen-reader table follows too: today's row.
    await expect.poll(() => sprintFigure(page).locator('tbody tr').last().textContent()).toBe(`${day(0)}26100 of 1`);

    await page.keyboard.press('Escape');
    const showCharts = (on: Page) => on.locator('.burnups').evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await showCharts(page);
    await page.screenshot({ path: `${SHOTS}burnup-1280.png` });
    await page.setViewportSize({ width: 1440, height: 900 });
    await showCharts(page);
    await page.screenshot({ path: `${SHOTS}burnup-1440.png` });

    const dark = await openBoard(suite.browser, `${suite.relay.httpUrl}/b/${board}`, { name: 'Bo', width: 1440, height: 900, dark: true });
    suite.track(dark.context);
    await dark.page.getByRole('tab', { name: 'Planning' }).click();
    await expect.poll(() => releaseFigure(dark.page).getAttribute('data-release-reaches')).toMatch(/:\d/);
    await showCharts(dark.page);
    await dark.page.screenshot({ path: `${SHOTS}burnup-dark-1440.png` });
    seeder.destroy();
  });
});
