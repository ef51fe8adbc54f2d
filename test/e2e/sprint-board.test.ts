/**
 * The sprint board in the browser: items dragged from the product backlog
 * into a sprint and back, by mouse and by keyboard, one or several at once,
 * seen live in the other person's window.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Locator, Page } from 'playwright-core';
import { addItem, addPastSprint, createSprint } from '../../shared/index.js';
import { connectClient } from '../helpers/clients.js';
import { SHOTS, browserSuite, keyboardDragReady, rowTitles, twoPeople } from './board-helpers.js';

const suite = browserSuite();
const lane = (page: Page, name: string) => page.getByRole('listbox', { name });
const titles = (list: Locator) => list.locator('.plan-row-name').allTextContents();
const planRow = (list: Locator, title: string) => list.locator('.plan-row', { has: list.page().locator('.plan-row-name', { hasText: new RegExp(`^${title}$`) }) });

async function mouseDrag(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + 20, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + 30, a.y + a.height / 2 + 8, { steps: 3 });
  await page.mouse.move(b.x + 30, b.y + b.height / 2, { steps: 15 });
  await page.mouse.up();
}

describe('the sprint board', () => {
  it('drags items between the product backlog and a sprint by mouse and keyboard, several at once, live in the other window', async () => {
    const { ana, bo } = await twoPeople(suite, 'sprint-board');
    const board = new URL(ana.url()).pathname.split('/').pop()!;
    const seed = connectClient(suite.relay.syncUrl, board, new Y.Doc());
    await seed.synced();
    for (const [title, estimate] of [['Login', 5], ['Signup', 3], ['Profile', 8], ['Avatars', 2], ['Settings', 5]] as const) addItem(seed.doc, { title, estimate });
    for (const [name, end] of [['S1', '2026-10-18'], ['S2', '2026-11-01'], ['S3', '2026-11-15']] as const) addPastSprint(seed.doc, { name, start: '2026-10-01', end, donePoints: 10 });
    createSprint(seed.doc, { name: 'Sprint 4', start: '2026-11-16', end: '2026-11-29', capacityPoints: 10 });
    await expect.poll(() => rowTitles(ana)).toHaveLength(5);
    await ana.getByRole('tab', { name: 'Planning' }).click();
    await bo.getByRole('tab', { name: 'Planning' }).click();
    const product = lane(ana, 'Product backlog items');
    const sprint = lane(ana, 'Sprint 4 items');
    await expect.poll(() => titles(product)).toEqual(['Login', 'Signup', 'Profile', 'Avatars', 'Settings']);
    // The product lane shows where Sprint 4 is expected to end (10 points: Login and Signup).
    await expect.poll(() => ana.locator('[data-lane-cut]').first().getAttribute('data-lane-cut')).toBe('Sprint 4');

    // By mouse: Login into the empty sprint.
    await mouseDrag(ana, planRow(product, 'Login'), sprint);
    await expect.poll(() => titles(lane(bo, 'Sprint 4 items'))).toEqual(['Login']);
    await expect.poll(() => titles(product)).toEqual(['Signup', 'Profile', 'Avatars', 'Settings']);

    // Several at once: Signup and Avatars selected, dragged together onto Login (they land before it).
    await planRow(product, 'Signup').click({ modifiers: ['Control'] });
    await planRow(product, 'Avatars').click({ modifiers: ['Control'] });
    await mouseDrag(ana, planRow(product, 'Avatars'), planRow(sprint, 'Login'));
    await expect.poll(() => titles(lane(bo, 'Sprint 4 items'))).toEqual(['Signup', 'Avatars', 'Login']);
    await expect.poll(() => bo.getByRole('region', { name: 'Sprint 4' }).locator('.capacity-text').textContent()).toBe('10 of 10 points');
    await ana.screenshot({ path: `${SHOTS}sprint-board-1280.png` });

    // By keyboard: Bo picks up Profile, carries it right into the sprint, drops it: over capacity.
    const boProduct = lane(bo, 'Product backlog items');
    await planRow(boProduct, 'Profile').focus();
    await bo.keyboard.press('Space');
    await keyboardDragReady(bo);
    await bo.keyboard.press('ArrowRight');
    const announced = () => bo.locator('[id^="DndLiveRegion"]').textContent();
    await expect.poll(announced).toMatch(/Profile is over Sprint 4/);
    await bo.keyboard.press('Space');
    await expect.poll(() => titles(sprint)).toContain('Profile');
    await expect.poll(() => ana.getByRole('region', { name: 'Sprint 4' }).locator('.capacity-text').textContent()).toBe('18 of 10 points · over capacity');
    expect(await titles(lane(bo, 'Product backlog items'))).toEqual(['Settings']);

    // And back by keyboard: Ana carries Profile left, into the product backlog.
    await planRow(sprint, 'Profile').focus();
    await ana.keyboard.press('Space');
    await keyboardDragReady(ana);
    await ana.keyboard.press('ArrowLeft');
    await expect.poll(() => ana.locator('[id^="DndLiveRegion"]').textContent()).toMatch(/Profile is over the product backlog/);
    await ana.keyboard.press('Space');
    await expect.poll(() => titles(lane(bo, 'Product backlog items'))).toContain('Profile');
    await expect.poll(() => titles(lane(bo, 'Sprint 4 items'))).toEqual(['Signup', 'Avatars', 'Login']);

    // Capacity from people: Bo has 8 days, the team's focus factor is a half; the points entered still rule.
    await bo.getByRole('region', { name: 'Sprint 4' }).getByLabel('My days in this sprint').fill('8');
    await bo.getByRole('region', { name: 'Sprint 4' }).getByRole('button', { name: 'Save' }).click();
    const settings = ana.getByRole('form', { name: 'Sprint 4 capacity settings' });
    await settings.getByLabel('Focus factor').fill('0.5');
    await settings.getByRole('button', { name: 'Set' }).click();
    await expect.poll(() => bo.getByRole('region', { name: 'Sprint 4' }).locator('.capacity-text').textContent()).toBe('10 of 10 points · 4 focused days');
    // Closing the sprint and taking it back: one undo restores the sprint and its items.
    const card = ana.getByRole('region', { name: 'Sprint 4' });
    await card.getByRole('button', { name: 'Close…' }).click();
    await card.getByRole('button', { name: 'Close the sprint' }).click();
    await expect.poll(() => ana.getByRole('region', { name: 'Sprint 4' }).count()).toBe(0);
    await ana.locator('.planning').click({ position: { x: 5, y: 5 } });
    await ana.keyboard.press('Control+z');
    await expect.poll(() => titles(lane(bo, 'Sprint 4 items'))).toEqual(['Signup', 'Avatars', 'Login']);
    await bo.setViewportSize({ width: 1440, height: 900 });
    await bo.screenshot({ path: `${SHOTS}sprint-board-1440.png` });
    seed.destroy();
  });
});
