/**
 * Sprint planning in the browser, as two people would: past velocities in,
 * a sprint planned to capacity together, cut lines that move in the other
 * window when the backlog is reordered, a forecast on an item, and closing
 * the sprint returning what is unfinished.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { addItem } from '../../shared/index.js';
import { connectClient } from '../helpers/clients.js';
import { SHOTS, addItems, browserSuite, row, rowTitles, twoPeople } from './board-helpers.js';

const suite = browserSuite();
const lines = (page: Page) => page.locator('[data-cut-line]').evaluateAll((elements) => elements.map((element) => [element.getAttribute('data-cut-line'), Math.round(parseFloat((element as HTMLElement).style.top) / 44)]));

describe('sprint planning', () => {
  it('plans a sprint to capacity together, moves cut lines on a reorder, forecasts, and closes the sprint', async () => {
    const { ana, bo } = await twoPeople(suite, 'planning');
    const board = new URL(ana.url()).pathname.split('/').pop()!;
    const seed = connectClient(suite.relay.syncUrl, board, new Y.Doc());
    await seed.synced();
    for (const [title, estimate] of [['Login', 5], ['Signup', 3], ['Profile', 8], ['Avatars', 2], ['Settings', 5], ['Export', 9]] as const) addItem(seed.doc, { title, estimate });
    await expect.poll(() => rowTitles(ana)).toHaveLength(6);

    // Three past sprints, entered by hand: a velocity of 10.
    await ana.getByRole('tab', { name: 'Planning' }).click();
    for (const [name, end] of [['S1', '2026-10-18'], ['S2', '2026-11-01'], ['S3', '2026-11-15']]) {
      const form = ana.getByRole('form', { name: 'Add a past sprint' });
      await form.getByLabel('Past sprint name').fill(name!);
      await form.getByLabel('Past sprint ended').fill(end!);
      await form.getByLabel('Points done').fill('10');
      await form.getByRole('button', { name: 'Add' }).click();
    }
    await expect.poll(() => ana.locator('[data-velocity]').getAttribute('data-velocity')).toBe('10');
    await expect.poll(() => ana.locator('.velocity-chart svg').count()).toBe(1);
    // An unusual sprint can be left out: here one more of 25 points, then excluded again.
    const form = ana.getByRole('form', { name: 'Add a past sprint' });
    await form.getByLabel('Past sprint name').fill('Hackathon');
    await form.getByLabel('Past sprint ended').fill('2026-11-20');
    await form.getByLabel('Points done').fill('25');
    await form.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => ana.locator('[data-velocity]').getAttribute('data-velocity')).toBe('13.8');
    await ana.screenshot({ path: `${SHOTS}planning-velocity-1280.png` });
    await ana.getByRole('list', { name: 'Closed sprints' }).getByRole('checkbox', { name: /Hackathon/ }).uncheck();
    await expect.poll(() => ana.locator('[data-velocity]').getAttribute('data-velocity')).toBe('10');
    const plan = ana.getByRole('form', { name: 'Plan a sprint' });
    await plan.getByLabel('Sprint name').fill('Sprint 4');
    await plan.getByLabel('Starts').fill('2026-11-16');
    await plan.getByLabel('Ends').fill('2026-11-29');
    await plan.getByLabel('Capacity in points').fill('10');
    await plan.getByRole('button', { name: 'Plan' }).click();

    // Bo sees the cut lines in the backlog: 10 points a sprint, Sprint 4 first.
    await expect.poll(() => lines(bo)).toEqual([['Sprint 4', 2], ['Sprint +1', 4], ['Sprint +2', 5]]);
    // Ana commits Login and Signup (8 points); Bo's planning view shows the capacity bar.
    await ana.getByRole('tab', { name: 'Backlog' }).click();
    await row(ana, 'Login').click();
    await row(ana, 'Signup').click({ modifiers: ['Control'] });
    await ana.getByLabel('Move to sprint').selectOption({ label: 'Sprint 4' });
    await expect.poll(() => rowTitles(ana)).toEqual(['Profile', 'Avatars', 'Settings', 'Export']);
    await bo.getByRole('tab', { name: 'Planning' }).click();
    const capacity = bo.getByRole('region', { name: 'Sprint 4' }).locator('.capacity-text');
    await expect.poll(() => capacity.textContent()).toBe('8 of 10 points');
    await bo.screenshot({ path: `${SHOTS}planning-sprint-1280.png` });
    // Bo adds Profile too: over capacity, and it says so for both.
    await bo.getByRole('tab', { name: 'Backlog' }).click();
    await row(bo, 'Profile').click();
    await bo.getByLabel('Move to sprint').selectOption({ label: 'Sprint 4' });
    await ana.getByRole('tab', { name: 'Planning' }).click();
    await expect.poll(() => ana.getByRole('region', { name: 'Sprint 4' }).locator('.capacity-text').textContent()).toBe('16 of 10 points · over capacity');
    expect(await ana.getByRole('region', { name: 'Sprint 4' }).locator('.sprint-by').allTextContents()).toEqual(['by Ana', 'by Ana', 'by Bo']);
    await ana.screenshot({ path: `${SHOTS}planning-over-1280.png` });

    // Back in the backlog, a reorder in Bo's window moves the cut line in Ana's.
    await ana.getByRole('tab', { name: 'Backlog' }).click();
    // Sprint 4 has no room left; the next sprint's 10 points take Avatars and Settings, and end before Export.
    await expect.poll(() => lines(ana)).toEqual([['Sprint 4', 0], ['Sprint +1', 2]]);
    await row(bo, 'Export').click();
    await bo.keyboard.press('Alt+ArrowUp');
    await bo.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => rowTitles(ana)).toEqual(['Export', 'Avatars', 'Settings']);
    await expect.poll(() => lines(ana)).toEqual([['Sprint 4', 0], ['Sprint +1', 1]]);
    await ana.setViewportSize({ width: 1440, height: 900 });
    await ana.screenshot({ path: `${SHOTS}planning-cut-lines-1440.png` });
    // The item panel gives the forecast and what it rests on.
    await row(ana, 'Settings').click();
    await expect.poll(() => ana.locator('.forecast-line').textContent()).toContain('from 3 past sprints');
    // 10 points a sprint after Sprint 4: Export (9) in the first, Avatars and Settings (2 + 5) in the second.
    expect(await ana.locator('.forecast-line').textContent()).toMatch(/likely done by \d{1,2} [A-Z][a-z]{2} \d{4} \(Sprint \+2\), almost surely by \d{1,2} [A-Z][a-z]{2} \d{4} \(Sprint \+2\)/);

    // Close the sprint with Profile unfinished: it goes back to the top of the backlog.
    await ana.getByRole('tab', { name: 'Planning' }).click();
    const sprint = ana.getByRole('region', { name: 'Sprint 4' });
    await sprint.getByRole('button', { name: 'Close…' }).click();
    await sprint.getByRole('button', { name: 'Close the sprint' }).click();
    await bo.getByRole('tab', { name: 'Backlog' }).click();
    await expect.poll(() => rowTitles(bo)).toEqual(['Login', 'Signup', 'Profile', 'Export', 'Avatars', 'Settings']);
    seed.destroy();
  });

  it('adds a dependency in the panel, refuses a cycle by name, and flags an item ordered above what it waits for', async () => {
    const { ana, bo } = await twoPeople(suite, 'dependencies');
    await addItems(ana, ['Screen', 'API']);
    await row(ana, 'Screen').click();
    const panel = ana.getByRole('complementary', { name: 'Item details' });
    const waitsFor = panel.getByRole('combobox', { name: 'Waits for' });
    await waitsFor.fill('API');
    await waitsFor.press('Enter');
    await expect.poll(() => row(bo, 'Screen').locator('.row-waits').textContent()).toBe('Waits for API, below');
    await bo.screenshot({ path: `${SHOTS}planning-waits-1280.png` });
    await row(ana, 'API').click();
    await waitsFor.fill('Screen');
    await waitsFor.press('Enter');
    await expect.poll(() => panel.getByRole('alert').textContent()).toBe('that would make a cycle: “API” waits for “Screen” waits for “API”');
    // Ordered the other way round, nothing waits for something below it.
    await row(bo, 'API').click();
    await bo.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => rowTitles(ana)).toEqual(['API', 'Screen']);
    await expect.poll(() => ana.locator('.row-waits').count()).toBe(0);

    // In sprint planning: Screen goes into a sprint while API stays in the backlog, and the sprint says so.
    await ana.getByRole('tab', { name: 'Planning' }).click();
    const plan = ana.getByRole('form', { name: 'Plan a sprint' });
    await plan.getByLabel('Sprint name').fill('Sprint 1');
    await plan.getByLabel('Starts').fill('2026-12-01');
    await plan.getByLabel('Ends').fill('2026-12-14');
    await plan.getByRole('button', { name: 'Plan' }).click();
    await ana.getByRole('tab', { name: 'Backlog' }).click();
    await row(ana, 'Screen').click();
    await ana.getByLabel('Move to sprint').selectOption({ label: 'Sprint 1' });
    await bo.getByRole('tab', { name: 'Planning' }).click();
    await expect.poll(() => bo.locator('[data-late]').textContent()).toBe('waits for API, not planned before this sprint');
  });
});
