/**
 * Two features of the item panel, in the browser: a dependency cycle that
 * two people closed at once (each adding a half offline) is named in the
 * panel of every item in it, for both of them, with each link to drop; and
 * the parent epic is picked by searching, with the keyboard. Over the
 * backlog, a notice names the cycle and its rows are marked.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { addDependency, addItem, dependencyCycles, itemsMap, orderedItems, type ItemKind } from '../../shared/index.js';
import { cycleLead, cycleLinks, cycleThrough, cycleTitles } from '../../client/planning/CycleNotice.js';
import { PARENT_MATCHES, parentCandidates, searchParents } from '../../client/item/ParentField.js';
import { connectClient, waitFor } from '../helpers/clients.js';
import { SHOTS, browserSuite, openBoard, row, rowTitles, twoPeople } from './board-helpers.js';

const suite = browserSuite();

const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Item details' });
const boardOf = (page: Page) => new URL(page.url()).pathname.split('/').pop()!;

/** A replica of the board that has been offline since `from`'s state: what a person's laptop holds on a train. */
function offlineCopy(from: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  return doc;
}

describe('a dependency cycle closed by two people at once', () => {
  it('is named in the item panel for both, with its links marked, and goes away for both when one link is dropped', async () => {
    const { ana, bo } = await twoPeople(suite, 'cycle');
    const board = boardOf(ana);
    const seed = connectClient(suite.relay.syncUrl, board, new Y.Doc());
    await seed.synced();
    const login = addItem(seed.doc, { title: 'Login screen' });
    const api = addItem(seed.doc, { title: 'Session API' });
    addItem(seed.doc, { title: 'Audit log' });
    await expect.poll(() => rowTitles(ana)).toEqual(['Login screen', 'Session API', 'Audit log']);

    // Two replicas from the same state, each adding one half: each is allowed where it is made.
    const left = offlineCopy(seed.doc);
    const right = offlineCopy(seed.doc);
    addDependency(left, login, api);
    addDependency(right, api, login);
    expect(dependencyCycles(orderedItems(left))).toEqual([]);
    expect(dependencyCycles(orderedItems(right))).toEqual([]);
    // Both come back online; the relay merges them into a cycle.
    const [leftClient, rightClient] = [connectClient(suite.relay.syncUrl, board, left), connectClient(suite.relay.syncUrl, board, right)];
    await Promise.all([leftClient.synced(), rightClient.synced()]);
    await waitFor(() => dependencyCycles(orderedItems(seed.doc)).length === 1, 'the relay to merge both halves');

    await row(ana, 'Login screen').click();
    await row(bo, 'Session API').click();
    const anaAlert = panelOf(ana).locator('.cycle-alert');
    const boAlert = panelOf(bo).locator('.cycle-alert');
    // Each names the circle from the item it has open.
    await expect.poll(() => anaAlert.locator('.cycle-alert-line').textContent()).toBe('↻Waiting in a circle: Login screen → Session API → Login screen');
    await expect.poll(() => boAlert.locator('.cycle-alert-line').textContent()).toBe('↻Waiting in a circle: Session API → Login screen → Session API');
    expect(await anaAlert.getAttribute('role')).toBe('alert');
    // Its own link in the circle is marked in the list of what it waits for; every link can be dropped from here.
    expect(await panelOf(ana).locator('.dependencies li[data-in-cycle]').allTextContents()).toEqual(['Session APIin the circle×']);
    expect(await anaAlert.getByRole('button').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label')))).toEqual([
      'Break the circle: Login screen no longer waits for Session API',
      'Break the circle: Session API no longer waits for Login screen',
    ]);
    await ana.screenshot({ path: `${SHOTS}dependency-cycle-1280x720.png` });
    await ana.setViewportSize({ width: 1440, height: 900 });
    await ana.screenshot({ path: `${SHOTS}dependency-cycle-1440x900.png` });
    const dark = await openBoard(suite.browser, ana.url(), { name: 'Cy', width: 1440, height: 900, dark: true });
    suite.track(dark.context);
    await row(dark.page, 'Session API').click();
    await expect.poll(() => panelOf(dark.page).locator('.cycle-alert').count()).toBe(1);
    await dark.page.screenshot({ path: `${SHOTS}dependency-cycle-dark-1440x900.png` });

    // Bo breaks the circle from his panel by dropping the link that is not his item's own.
    await boAlert.getByRole('button', { name: 'Break the circle: Login screen no longer waits for Session API' }).click();
    await expect.poll(() => anaAlert.count()).toBe(0);
    await expect.poll(() => boAlert.count()).toBe(0);
    expect(await panelOf(ana).locator('[data-in-cycle]').count()).toBe(0);
    // What is left: the API waits for the login screen, as Bo's panel lists.
    expect(await panelOf(bo).locator('.dependencies li').allTextContents()).toEqual(['Login screen×']);
    await waitFor(() => dependencyCycles(orderedItems(seed.doc)).length === 0, 'the break to reach the relay');
    for (const client of [seed, leftClient, rightClient]) client.destroy();
  }, 60_000);
});

describe('the words of a dependency cycle', () => {
  const titles = new Map([
    ['a', 'Login screen'],
    ['b', 'Session API'],
    ['c', 'Audit log'],
  ]);
  const titleOf = (id: string) => titles.get(id)!;

  it('reads a circle back to where it starts, from any item in it', () => {
    expect(cycleLead(['a', 'b'])).toBe('2 items wait for each other in a circle');
    expect(cycleLead(['a'])).toBe('1 item waits for itself');
    expect(cycleTitles(['a', 'b'], titleOf).join(' → ')).toBe('Login screen → Session API → Login screen');
    const cycles = [['a', 'b', 'c']];
    expect(cycleThrough(cycles, 'b')).toEqual(['b', 'c', 'a']);
    expect(cycleThrough(cycles, 'z')).toBeNull();
    expect(cycleLinks(['b', 'c', 'a'])).toEqual([
      ['b', 'c'],
      ['c', 'a'],
      ['a', 'b'],
    ]);
  });
});

describe('the parent epic picker', () => {
  it('ranks epics and themes first, matches words without case or accents, cuts long lists, and offers None', () => {
    const doc = new Y.Doc();
    const add = (title: string, kind: ItemKind = 'story') => addItem(doc, { title, kind });
    add('Pay with saved cards');
    add('Café ordering', 'epic');
    add('Ordering screens', 'story');
    add('Payments', 'theme');
    add('Checkout revamp', 'epic');
    for (let n = 1; n <= 60; n++) add(`Filler task ${n}`, 'task');
    const items = orderedItems(doc);
    const story = items.find((item) => item.title === 'Pay with saved cards')!;
    const epic = items.find((item) => item.title === 'Checkout revamp')!;
    const titlesOf = (found: ReturnType<typeof searchParents>) => found.options.map((option) => option?.title ?? 'None');

    const all = searchParents(parentCandidates(items, story), '');
    expect(titlesOf(all).slice(0, 5)).toEqual(['None', 'Café ordering', 'Checkout revamp', 'Payments', 'Ordering screens']);
    expect(all.options).toHaveLength(PARENT_MATCHES + 1);
    expect(all.total).toBe(1 + 64);
    // An epic looks for a theme first.
    expect(titlesOf(searchParents(parentCandidates(items, epic), '')).slice(0, 3)).toEqual(['None', 'Payments', 'Café ordering']);
    // Words in any order, any case, without accents; an epic before a story, a word's start before its inside.
    expect(titlesOf(searchParents(parentCandidates(items, story), 'ORDER cafe'))).toEqual(['Café ordering']);
    expect(titlesOf(searchParents(parentCandidates(items, story), 'order'))).toEqual(['Café ordering', 'Ordering screens']);
    expect(titlesOf(searchParents(parentCandidates(items, story), 'vamp'))).toEqual(['Checkout revamp']);
    expect(titlesOf(searchParents(parentCandidates(items, story), 'non'))).toEqual(['None']);
    expect(searchParents(parentCandidates(items, story), 'nothing like it').options).toEqual([]);
    expect(itemsMap(doc).size).toBe(65);
  });

  it('searches by part of a title, picks with the keyboard, and the row names the epic, for both people', async () => {
    const { ana, bo } = await twoPeople(suite, 'picker');
    const board = boardOf(ana);
    const seed = connectClient(suite.relay.syncUrl, board, new Y.Doc());
    await seed.synced();
    // One transaction, so both windows get every item at once: the picker below counts them.
    seed.doc.transact(() => {
      const theme = addItem(seed.doc, { title: 'Payments', kind: 'theme' });
      addItem(seed.doc, { title: 'Checkout revamp', kind: 'epic', parent: theme });
      addItem(seed.doc, { title: 'Café ordering', kind: 'epic' });
      addItem(seed.doc, { title: 'Pay with saved cards' });
      for (let n = 1; n <= 60; n++) addItem(seed.doc, { title: `Filler task ${n}`, kind: 'task' });
    });
    await expect.poll(() => ana.locator('.count').textContent()).toBe('64 items');

    await row(ana, 'Pay with saved cards').click();
    const picker = panelOf(ana).getByRole('combobox', { name: 'Parent epic' });
    expect(await picker.getAttribute('aria-expanded')).toBe('false');
    expect(await picker.inputValue()).toBe('');
    await picker.focus();
    await ana.keyboard.press('ArrowDown');
    expect(await picker.getAttribute('aria-expanded')).toBe('true');
    const listbox = ana.locator('#item-parent-list');
    const options = listbox.getByRole('option');
    // None first, then the epics and the theme, and at most 50 items with a word on the rest.
    expect((await options.allTextContents()).slice(0, 4)).toEqual(['None✓(chosen)', 'EpicCheckout revamp', 'EpicCafé ordering', 'ThemePayments']);
    expect(await options.count()).toBe(PARENT_MATCHES + 1);
    expect(await panelOf(ana).locator('.combobox-note').textContent()).toBe('51 of 64 shown: type more to narrow');
    await ana.screenshot({ path: `${SHOTS}epic-picker-open-1280x720.png` });

    // Typing filters by words, without case or accents; the first match is highlighted, ↓ ↑ move.
    await picker.pressSequentially('CAFE');
    await expect.poll(() => options.allTextContents()).toEqual(['EpicCafé ordering']);
    await picker.fill('');
    await picker.pressSequentially('re');
    await expect.poll(() => options.allTextContents()).toEqual(['EpicCheckout revamp']);
    await picker.fill('');
    await picker.pressSequentially('e');
    const active = async () => ana.locator(`#${await picker.getAttribute('aria-activedescendant')}`).textContent();
    expect(await active()).toBe('EpicCheckout revamp');
    await ana.keyboard.press('ArrowDown');
    expect(await active()).toBe('EpicCafé ordering');
    await ana.keyboard.press('ArrowUp');
    expect(await active()).toBe('EpicCheckout revamp');
    await ana.screenshot({ path: `${SHOTS}epic-picker-typed-1280x720.png` });
    // Escape closes and puts the value back, and leaves the panel open.
    await ana.keyboard.press('Escape');
    expect(await picker.getAttribute('aria-expanded')).toBe('false');
    expect(await picker.inputValue()).toBe('');
    expect(await panelOf(ana).count()).toBe(1);

    // Part of the title, then Enter: picked, for Ana and for Bo.
    await picker.pressSequentially('checkout');
    await ana.keyboard.press('Enter');
    await expect.poll(() => picker.inputValue()).toBe('Checkout revamp');
    expect(await picker.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => row(ana, 'Pay with saved cards').locator('.row-epic').textContent()).toBe('Checkout revamp');
    await expect.poll(() => row(bo, 'Pay with saved cards').locator('.row-epic').textContent()).toBe('Checkout revamp');

    // Opened again, the chosen epic is marked and highlighted; at 1440x900 and in the dark.
    await ana.setViewportSize({ width: 1440, height: 900 });
    await picker.click();
    expect(await active()).toBe('EpicCheckout revamp✓(chosen)');
    await ana.screenshot({ path: `${SHOTS}epic-picker-open-1440x900.png` });
    await ana.keyboard.press('Escape');
    const dark = await openBoard(suite.browser, ana.url(), { name: 'Cy', width: 1440, height: 900, dark: true });
    suite.track(dark.context);
    await row(dark.page, 'Pay with saved cards').click();
    await panelOf(dark.page).getByRole('combobox', { name: 'Parent epic' }).pressSequentially('pay');
    await dark.page.screenshot({ path: `${SHOTS}epic-picker-dark-1440x900.png` });

    // A parent inside the item is refused by the model, and the notice says why.
    await row(ana, 'Payments').click();
    await picker.pressSequentially('saved cards');
    await expect.poll(() => options.allTextContents()).toEqual(['StoryPay with saved cards']);
    await ana.keyboard.press('Enter');
    await expect.poll(() => ana.getByRole('alert').first().textContent()).toMatch(/“Payments”.*“Pay with saved cards”.*own ancestor/);
    expect(await picker.inputValue()).toBe('');

    // None clears it.
    await row(bo, 'Pay with saved cards').click();
    const boPicker = panelOf(bo).getByRole('combobox', { name: 'Parent epic' });
    await boPicker.pressSequentially('none');
    await bo.keyboard.press('Enter');
    await expect.poll(() => row(ana, 'Pay with saved cards').locator('.row-epic').count()).toBe(0);
    expect(await boPicker.inputValue()).toBe('');
    seed.destroy();
  }, 60_000);
});

describe('a dependency cycle over the backlog', () => {
  it('names the circle, marks the rows, Show opens an item of it, and goes away when broken', async () => {
    const { ana, bo } = await twoPeople(suite, 'cycle-board');
    const board = new URL(ana.url()).pathname.split('/').pop()!;
    const seed = connectClient(suite.relay.syncUrl, board, new Y.Doc());
    await seed.synced();
    const login = addItem(seed.doc, { title: 'Login screen' });
    const api = addItem(seed.doc, { title: 'Session API' });
    addItem(seed.doc, { title: 'Audit log' });
    await expect.poll(() => rowTitles(ana)).toHaveLength(3);
    const left = new Y.Doc();
    Y.applyUpdate(left, Y.encodeStateAsUpdate(seed.doc));
    const right = new Y.Doc();
    Y.applyUpdate(right, Y.encodeStateAsUpdate(seed.doc));
    addDependency(left, login, api);
    addDependency(right, api, login);
    const a = connectClient(suite.relay.syncUrl, board, left);
    const b = connectClient(suite.relay.syncUrl, board, right);
    await Promise.all([a.synced(), b.synced()]);
    const notice = (page: Page) => page.locator('.cycle-notice');
    await expect.poll(() => notice(ana).textContent()).toBe('↻2 items wait for each other in a circle: Login screen → Session API → Login screenShow');
    await expect.poll(() => notice(bo).count()).toBe(1);
    expect(await row(ana, 'Login screen').locator('.row-cycle').textContent()).toBe('↻ Waits in a circle');
    expect(await row(ana, 'Session API').locator('.row-cycle').count()).toBe(1);
    expect(await row(ana, 'Audit log').locator('.row-cycle').count()).toBe(0);
    await ana.screenshot({ path: `${SHOTS}cycle-notice-1280x720.png` });
    await notice(ana).getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => ana.locator('[data-panel-item]').getAttribute('data-panel-item')).toBe(login);
    await expect.poll(() => ana.locator('.cycle-alert').isVisible()).toBe(true);
    await ana.screenshot({ path: `${SHOTS}cycle-notice-show-1280x720.png` });
    await ana.setViewportSize({ width: 1440, height: 900 });
    await ana.screenshot({ path: `${SHOTS}cycle-notice-1440x900.png` });
    const dark = await openBoard(suite.browser, ana.url(), { name: 'Cy', width: 1440, height: 900, dark: true });
    suite.track(dark.context);
    await expect.poll(() => notice(dark.page).count()).toBe(1);
    await dark.page.screenshot({ path: `${SHOTS}cycle-notice-dark-1440x900.png` });
    await ana.locator('.cycle-alert').getByRole('button').first().click();
    await expect.poll(() => notice(bo).count()).toBe(0);
    await expect.poll(() => bo.locator('.row-cycle').count()).toBe(0);
    for (const c of [seed, a, b]) c.destroy();
  }, 60_000);
});
