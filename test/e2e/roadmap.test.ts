/**
 * The roadmap in the browser: themes and epics laid out by the forecast,
 * a reorder in one window moving the dates in the other, the Markdown and
 * image exports, the epic's line in the item panel, a shareable link, a
 * viewer's invite that opens on the roadmap, and a board of 40 epics that
 * still reads.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { addItem, addPastSprint, comingSprintEnd, dayText, moveItems, readSprints, setBoardTitle } from '../../shared/index.js';
import WebSocket from 'ws';
import { signInvite } from '../../server/access.js';
import { connectClient } from '../helpers/clients.js';
import { SHOTS, browserSuite, openBoard, row, rowTitles, twoPeople, waitLive } from './board-helpers.js';

const suite = browserSuite();
const DAY = 86_400_000;

/** Today on this computer's calendar (the browser's too), and days from it, as YYYY-MM-DD. */
function localDay(offset = 0): string {
  const at = new Date(Date.now() + offset * DAY);
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
}

/** Three past sprints of two weeks (10 points each unless given), the last one ended yesterday. */
function pastSprints(doc: Y.Doc, points = [10, 10, 10]): void {
  for (const [index, ended] of [-29, -15, -1].entries()) addPastSprint(doc, { name: `S${index + 1}`, start: localDay(ended - 13), end: localDay(ended), donePoints: points[index]! });
}

const likelyOf = (page: Page, id: string) => page.locator(`[data-epic="${id}"]`).first().getAttribute('data-epic-likely');

describe('the roadmap', () => {
  it('lays epics out by the forecast, moves them on a reorder in another window, and exports Markdown and an image', async () => {
    const { ana, bo } = await twoPeople(suite, 'roadmap');
    const boardUrl = ana.url();
    const board = new URL(boardUrl).pathname.split('/').pop()!;
    const seed = connectClient(suite.relay.syncUrl, board, new Y.Doc());
    await seed.synced();
    const doc = seed.doc;
    setBoardTitle(doc, 'Mobile app');
    const theme = addItem(doc, { title: 'Mobile', kind: 'theme' });
    const offline = addItem(doc, { title: 'Offline', kind: 'epic', parent: theme });
    const payments = addItem(doc, { title: 'Payments', kind: 'epic', parent: theme });
    const legacy = addItem(doc, { title: 'Legacy', kind: 'epic', status: 'done' });
    for (const [title, estimate] of [['Cache pages', 5], ['Queue writes', 3], ['Sync later', 8]] as const) addItem(doc, { title, estimate, parent: offline });
    for (const [title, estimate] of [['Card form', 5], ['Receipts', 5]] as const) addItem(doc, { title, estimate, parent: payments });
    addItem(doc, { title: 'Old export', estimate: 3, parent: legacy, status: 'done' });
    // Themes and epics at the bottom: the forecast walks the backlog, and they are no work of their own.
    moveItems(doc, [theme, offline, payments, legacy], { before: null });
    pastSprints(doc);
    const end = (k: number) => comingSprintEnd(readSprints(doc), k, { today: localDay(), lengthDays: 14 });

    // 10 points a sprint: Offline's 16 points are likely done in sprint 2, Payments' 10 after them in sprint 3.
    await ana.getByRole('tab', { name: 'Roadmap' }).click();
    await expect.poll(() => likelyOf(ana, offline)).toBe(end(2));
    await expect.poll(() => likelyOf(ana, payments)).toBe(end(3));
    const roadmap = ana.getByRole('region', { name: 'Roadmap' });
    expect(await roadmap.locator(`[data-epic="${offline}"] .roadmap-progress`).textContent()).toBe('0 of 16 points · 0 ready');
    expect(await roadmap.locator(`[data-theme-row="${theme}"]`).getAttribute('data-epic-likely')).toBe(end(3));
    expect(await roadmap.getByRole('img', { name: /^Offline: work likely starts .*; likely done by .* \(50 %\), almost surely by .* \(85 %\)$/ }).count()).toBe(1);
    // The done epic is folded away at the end.
    expect(await roadmap.locator('.roadmap-done summary').textContent()).toBe('Done · 1 epic');
    expect(await roadmap.locator(`tr[data-epic="${legacy}"]`).count()).toBe(0);
    await ana.screenshot({ path: `${SHOTS}roadmap-1280.png` });

    // Bo moves Payments' stories above Offline's in the backlog; Ana's roadmap follows.
    await row(bo, 'Card form').click();
    await row(bo, 'Receipts').click({ modifiers: ['Shift'] });
    for (let step = 0; step < 3; step++) await bo.keyboard.press('Alt+ArrowUp');
    await expect.poll(async () => (await rowTitles(bo)).slice(0, 3)).toEqual(['Card form', 'Receipts', 'Cache pages']);
    await expect.poll(() => likelyOf(ana, payments)).toBe(end(1));
    await expect.poll(() => likelyOf(ana, offline)).toBe(end(3));
    // Payments now comes first on the roadmap.
    expect(await roadmap.locator('tr[data-epic]').evaluateAll((rows) => rows.map((tr) => tr.getAttribute('data-epic')))).toEqual([payments, offline]);

    // The Markdown export: a table per theme, with the assumptions.
    const [markdown] = await Promise.all([ana.waitForEvent('download'), roadmap.getByRole('button', { name: 'Markdown' }).click()]);
    expect(markdown.suggestedFilename()).toBe('roadmap.md');
    const text = await readFile((await markdown.path())!, 'utf8');
    expect(text).toContain('# Roadmap: Mobile app\n');
    expect(text).toContain('Forecast from 3 past sprints (10 points a sprint on average); unestimated items count as 5 points.');
    expect(text).toContain('## Mobile\n');
    expect(text).toContain('| Epic | Progress | Likely (50 %) | Almost surely (85 %) |');
    expect(text).toContain(`| Payments | 0 of 10 points · 0 ready | ${dayText(end(1))} (Sprint +1) | ${dayText(end(1))} (Sprint +1) |`);
    expect(text).toContain(`| Offline | 0 of 16 points · 0 ready | ${dayText(end(3))} (Sprint +3) | ${dayText(end(3))} (Sprint +3) |`);
    expect(text).toContain('| Legacy | 3 of 3 points | done | done |');

    // The image export: a PNG of the timeline.
    const [image] = await Promise.all([ana.waitForEvent('download'), roadmap.getByRole('button', { name: 'Image' }).click()]);
    expect(image.suggestedFilename()).toBe('roadmap.png');
    const png = await readFile((await image.path())!);
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    await image.saveAs(`${SHOTS}roadmap-export.png`);

    // An epic opens in the item panel, with its progress and dates.
    await roadmap.getByRole('button', { name: 'Offline' }).click();
    const line = ana.locator('.epic-progress-line');
    await expect.poll(() => line.textContent()).toBe(`Progress: 0 of 16 points done · 0 ready · likely done by ${dayText(end(3))} (85 %: ${dayText(end(3))})`);
    await ana.setViewportSize({ width: 1440, height: 900 });
    await ana.screenshot({ path: `${SHOTS}roadmap-panel-1440.png` });
    await ana.getByRole('button', { name: 'Close details' }).click();
    await ana.screenshot({ path: `${SHOTS}roadmap-1440.png` });

    // The view is in the address: a link opens on the roadmap.
    expect(new URL(ana.url()).searchParams.get('view')).toBe('roadmap');
    const shared = await openBoard(suite.browser, `${boardUrl}?view=roadmap`, { name: 'Cy' });
    suite.track(shared.context);
    await expect.poll(() => likelyOf(shared.page, offline)).toBe(end(3));
    seed.destroy();
  });

  it('stays readable with 40 epics under 4 themes', async () => {
    const url = `${suite.relay.httpUrl}/b/roadmap-many-${Date.now()}`;
    const { context, page } = await openBoard(suite.browser, `${url}?view=roadmap`, { name: 'Ana', width: 1440, height: 900 });
    suite.track(context);
    const seed = connectClient(suite.relay.syncUrl, new URL(url).pathname.split('/').pop()!, new Y.Doc());
    await seed.synced();
    const doc = seed.doc;
    const containers: string[] = [];
    const names = ['Checkout', 'Onboarding', 'Search', 'Platform'];
    const epicNames = ['Guest checkout', 'Saved cards', 'Refunds', 'Invoices in PDF', 'Gift cards', 'Apple Pay', 'Split payments', 'Tax by region', 'Receipts by mail', 'Fraud checks'];
    doc.transact(() => {
      names.forEach((name, t) => {
        const theme = addItem(doc, { title: name, kind: 'theme' });
        containers.push(theme);
        epicNames.forEach((epicName, e) => {
          const epic = addItem(doc, { title: `${epicName} (${name.toLowerCase()})`, kind: 'epic', parent: theme });
          containers.push(epic);
          for (let s = 0; s < 2; s++) addItem(doc, { title: `${epicName} part ${s + 1}`, estimate: [2, 3, 5, 8][(t + e + s) % 4]!, parent: epic, status: (t * 10 + e) % 9 === 0 ? 'done' : 'new' });
        });
      });
    });
    moveItems(doc, containers, { before: null });
    // Velocities that vary: the 85 % range runs past the likely end.
    pastSprints(doc, [6, 10, 14]);
    await expect.poll(() => page.locator('tr[data-epic]').count(), { timeout: 15_000 }).toBeGreaterThan(30);
    await page.screenshot({ path: `${SHOTS}roadmap-40-epics-1440.png` });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: `${SHOTS}roadmap-40-epics-1280.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}roadmap-40-epics-dark-1280.png` });
    seed.destroy();
  });
});

describe('the roadmap for a viewer', () => {
  const SECRET = 'e2e-secret-roadmap-0123456789-abcdefgh';
  const invited = browserSuite({ AUTH_SECRET: SECRET });

  it('is offered as a viewer’s invite link that opens on it, read-only', async () => {
    const { relay, browser } = invited;
    const board = `e2eRoadmapViewer${Date.now()}`;
    const token = signInvite(SECRET, { board, role: 'facilitator', expiresAt: Date.now() + 3_600_000 });
    const seed = connectClient(relay.syncUrl, board, new Y.Doc(), WebSocket, { token });
    await seed.synced();
    const epic = addItem(seed.doc, { title: 'Offline', kind: 'epic' });
    addItem(seed.doc, { title: 'Cache pages', estimate: 5, parent: epic }, { before: epic });
    pastSprints(seed.doc);
    const end = comingSprintEnd(readSprints(seed.doc), 1, { today: localDay(), lengthDays: 14 });

    const facilitator = await openBoard(browser, `${relay.httpUrl}/b/${board}?invite=${token}`, { name: 'Ana' });
    invited.track(facilitator.context);
    await facilitator.page.getByRole('button', { name: 'Invite' }).click();
    await facilitator.page.getByLabel('Role').selectOption('viewer');
    await facilitator.page.getByRole('button', { name: 'Create link' }).click();
    await facilitator.page.getByRole('checkbox', { name: 'Open on the roadmap' }).check();
    const link = await facilitator.page.getByLabel('Invite link').inputValue();
    expect(link).toMatch(new RegExp(`/b/${board}\\?invite=[^&]+&view=roadmap$`));

    const viewerContext = await browser.newContext();
    invited.track(viewerContext);
    const viewer = await viewerContext.newPage();
    await viewer.goto(link);
    await waitLive(viewer);
    // The invite is taken out of the address; the view stays.
    expect(new URL(viewer.url()).search).toBe('?view=roadmap');
    await expect.poll(() => viewer.getByRole('status').filter({ hasText: 'View only' }).count()).toBe(1);
    await expect.poll(() => likelyOf(viewer, epic)).toBe(end);
    seed.destroy();
  });
});
