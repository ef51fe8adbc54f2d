/**
 * The planning journey a new team takes, end to end in two windows: import
 * a backlog with estimates, enter three past sprints, plan the next sprint
 * to capacity together, read the cut lines and the roadmap, reorder and
 * watch the forecast move, work through a dropped connection, close the
 * sprint and see the velocity change.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SHOTS, browserSuite, dropFile, keyboardDragReady, row, rowTitles, twoPeople } from './board-helpers.js';

const suite = browserSuite();

const HEADER =
  'Summary,Issue key,Issue id,Issue Type,Status,Project key,Priority,Resolution,Assignee,Reporter,Created,Updated,Description,Labels,Labels,Sprint,Sprint,Watchers,Watchers,Custom field (Rank),Custom field (Story Points),Custom field (Story point estimate),Parent,Parent key,Parent summary,Status Category';
const issue = (summary: string, key: string, type: string, points: string, parent: string) =>
  `${summary},${key},${key.replace('PAY-', '100')},${type},To Do,PAY,Medium,,,Bo Chen,12/Feb/26 7:10 PM,12/Feb/26 7:10 PM,,,,,,,,,${points},,,${parent},,To Do`;
const STORIES: [string, number, string][] = [
  ['Pay by card', 5, 'PAY-1'],
  ['Show receipt', 3, 'PAY-1'],
  ['Refunds', 8, 'PAY-1'],
  ['Sign up', 5, 'PAY-10'],
  ['Reset password', 5, 'PAY-10'],
  ['Delete account', 3, 'PAY-10'],
];
const CSV = [
  HEADER,
  issue('Checkout', 'PAY-1', 'Epic', '', ''),
  issue('Accounts', 'PAY-10', 'Epic', '', ''),
  ...STORIES.map(([title, points, parent], n) => issue(title, `PAY-${n + 2}`, 'Story', String(points), parent)),
].join('\n');

const velocity = (page: Page) => page.locator('[data-velocity]').getAttribute('data-velocity');
const capacity = (page: Page) => page.getByRole('region', { name: 'Sprint 4' }).locator('.capacity-text').textContent();
const cutLines = (page: Page) => page.locator('[data-cut-line]').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-cut-line')));
const laneRow = (page: Page, lane: string, title: string) => page.getByRole('listbox', { name: lane }).locator('.plan-row', { has: page.locator('.plan-row-name', { hasText: new RegExp(`^${title}$`) }) });

describe('the planning journey', () => {
  it('imports, plans a sprint to capacity together, forecasts, survives a reconnect and closes the sprint', async () => {
    const { ana, bo } = await twoPeople(suite, 'journey');

    // 1. Import a backlog with estimates (a Jira export with two epics).
    await dropFile(ana, 'jira.csv', 'text/csv', CSV);
    const dialog = ana.getByRole('dialog', { name: 'Import a backlog' });
    await dialog.getByRole('button', { name: 'Import 8 items' }).click();
    await expect.poll(() => rowTitles(bo)).toHaveLength(8);

    // 2. Three past sprints of 10 points each.
    await ana.getByRole('tab', { name: 'Planning' }).click();
    for (const [name, end] of [['S1', '2026-10-18'], ['S2', '2026-11-01'], ['S3', '2026-11-15']] as const) {
      const form = ana.getByRole('form', { name: 'Add a past sprint' });
      await form.getByLabel('Past sprint name').fill(name);
      await form.getByLabel('Past sprint ended').fill(end);
      await form.getByLabel('Points done').fill('10');
      await form.getByRole('button', { name: 'Add' }).click();
    }
    await expect.poll(() => velocity(ana)).toBe('10');

    // 3. Plan Sprint 4 to capacity with a colleague: Ana drags by mouse, Bo carries one by keyboard.
    const plan = ana.getByRole('form', { name: 'Plan a sprint' });
    await plan.getByLabel('Sprint name').fill('Sprint 4');
    await plan.getByLabel('Starts').fill('2026-11-30');
    await plan.getByLabel('Ends').fill('2026-12-13');
    await plan.getByLabel('Capacity in points').fill('10');
    await plan.getByRole('button', { name: 'Plan' }).click();
    // Planning the sprint left the view scrolled down to the form; back to the top, where both lanes start.
    await ana.locator('.planning').evaluate((element) => element.scrollTo(0, 0));
    const from = (await laneRow(ana, 'Product backlog items', 'Pay by card').boundingBox())!;
    const to = (await ana.getByRole('listbox', { name: 'Sprint 4 items' }).boundingBox())!;
    await ana.mouse.move(from.x + 20, from.y + from.height / 2);
    await ana.mouse.down();
    await ana.mouse.move(from.x + 30, from.y + from.height / 2 + 8, { steps: 3 });
    await ana.mouse.move(to.x + 30, to.y + to.height / 2, { steps: 15 });
    await ana.mouse.up();
    await bo.getByRole('tab', { name: 'Planning' }).click();
    await expect.poll(() => capacity(bo)).toBe('5 of 10 points');
    await laneRow(bo, 'Product backlog items', 'Show receipt').focus();
    await bo.keyboard.press('Space');
    await keyboardDragReady(bo);
    await bo.keyboard.press('ArrowRight');
    await expect.poll(() => bo.locator('[id^="DndLiveRegion"]').textContent()).toMatch(/Show receipt is over Sprint 4/);
    await bo.keyboard.press('Space');
    await expect.poll(() => capacity(ana)).toBe('8 of 10 points');
    await ana.screenshot({ path: `${SHOTS}journey-planned-1280.png` });

    // 4. The cut lines: 2 points left in Sprint 4, then sprints of 10 over Refunds (8), Sign up (5), Reset password (5), Delete account (3).
    await ana.getByRole('tab', { name: 'Backlog' }).click();
    await expect.poll(() => rowTitles(ana)).toEqual(['Checkout', 'Accounts', 'Refunds', 'Sign up', 'Reset password', 'Delete account']);
    await expect.poll(() => cutLines(ana)).toEqual(['Sprint 4', 'Sprint +1']);
    await ana.screenshot({ path: `${SHOTS}journey-cut-lines-1280.png` });

    // 5. The roadmap says when each epic is likely done; Bo moves the Accounts stories up and Ana watches it change.
    await ana.getByRole('tab', { name: 'Roadmap' }).click();
    const likely = (title: string) => ana.locator('tr[data-epic]', { hasText: title }).first().getAttribute('data-epic-likely');
    await expect.poll(() => likely('Checkout')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const before = { checkout: (await likely('Checkout'))!, accounts: (await likely('Accounts'))! };
    expect(before.checkout < before.accounts).toBe(true);
    await ana.screenshot({ path: `${SHOTS}journey-roadmap-1280.png` });
    await bo.getByRole('tab', { name: 'Backlog' }).click();
    await row(bo, 'Sign up').click();
    await row(bo, 'Delete account').click({ modifiers: ['Shift'] });
    await bo.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => rowTitles(bo)).toEqual(['Checkout', 'Accounts', 'Sign up', 'Reset password', 'Delete account', 'Refunds']);
    // Refunds (Checkout's last story) now waits behind Accounts' three: Checkout moves a sprint later, and Accounts
    // finishes no later than before (both in the same sprint at 10 points a sprint).
    await expect.poll(async () => (await likely('Checkout'))! > before.checkout).toBe(true);
    expect((await likely('Accounts'))! <= before.accounts).toBe(true);
    expect((await likely('Accounts'))! <= (await likely('Checkout'))!).toBe(true);

    // 6. A dropped connection: Bo finishes Pay by card offline while Ana plans on; both edits survive.
    await bo.context().setOffline(true);
    await expect.poll(() => bo.getByTestId('connection').getAttribute('data-status')).toBe('offline');
    await bo.getByRole('tab', { name: 'Planning' }).click();
    await laneRow(bo, 'Sprint 4 items', 'Pay by card').click();
    await bo.getByRole('complementary', { name: 'Item details' }).getByLabel('Status').selectOption('done');
    await ana.getByRole('tab', { name: 'Planning' }).click();
    await laneRow(ana, 'Product backlog items', 'Delete account').click();
    await ana.getByRole('complementary', { name: 'Item details' }).getByLabel('Estimate').fill('2');
    await ana.getByRole('complementary', { name: 'Item details' }).getByLabel('Estimate').press('Enter');
    await bo.context().setOffline(false);
    await expect.poll(() => bo.getByTestId('connection').getAttribute('data-status')).toBe('live');
    await laneRow(ana, 'Sprint 4 items', 'Pay by card').click();
    await expect.poll(() => ana.getByRole('complementary', { name: 'Item details' }).getByLabel('Status').inputValue()).toBe('done');

    // 7. Close the sprint: Pay by card's 5 points count; Show receipt goes back to the top of the backlog.
    const sprint = ana.getByRole('region', { name: 'Sprint 4' });
    await sprint.getByRole('button', { name: 'Close…' }).click();
    await sprint.getByRole('button', { name: 'Close the sprint' }).click();
    await expect.poll(() => velocity(bo)).toBe('8.8');
    await bo.getByRole('tab', { name: 'Backlog' }).click();
    await expect.poll(() => rowTitles(bo)).toEqual(['Show receipt', 'Checkout', 'Accounts', 'Sign up', 'Reset password', 'Delete account', 'Refunds']);
    await expect.poll(() => row(bo, 'Delete account').locator('.estimate').textContent()).toBe('2');
    await bo.setViewportSize({ width: 1440, height: 900 });
    await bo.screenshot({ path: `${SHOTS}journey-closed-1440.png` });
  }, 90_000);
});
