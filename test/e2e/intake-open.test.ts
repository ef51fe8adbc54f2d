/**
 * Intake on a relay without invites: the board's link opens the request
 * form for anyone, and two people triaging one request at once (one of them
 * offline) end with one outcome on both screens, with a backlog that agrees.
 */
import { describe, expect, it } from 'vitest';
import { SHOTS, browserSuite, rowTitles, twoPeople } from './board-helpers.js';

const suite = browserSuite();

describe('intake without invites', () => {
  it('takes requests through the board’s request form, and concurrent triage ends with one outcome for everyone', async () => {
    const { ana, bo } = await twoPeople(suite, 'open-intake');
    // The form page has no connection badge to wait on: it is opened as a visitor would.
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const form = { context, page: await context.newPage() };
    await form.page.goto(`${ana.url()}/request`);
    suite.track(form.context);
    await form.page.getByLabel('What do you need?').fill('Bulk edit of prices');
    await form.page.getByRole('button', { name: 'Send request' }).click();
    await expect.poll(() => ana.locator('.tab-count').textContent()).toBe('1');

    for (const page of [ana, bo]) await page.getByRole('tab', { name: /Inbox/ }).click();
    await bo.context().setOffline(true);
    await expect.poll(() => bo.getByTestId('connection').getAttribute('data-status')).toBe('offline');
    await bo.locator('.request-card').getByRole('button', { name: 'Decline…' }).click();
    await bo.getByLabel('Reason (the requester sees it)').fill('Out of scope this year');
    await bo.getByRole('form', { name: 'Decline' }).getByRole('button', { name: 'Decline' }).click();
    await ana.locator('.request-card').getByRole('button', { name: 'Accept…' }).click();
    await ana.getByRole('form', { name: 'Accept into the backlog' }).getByRole('button', { name: 'Accept' }).click();
    await bo.context().setOffline(false);

    const outcome = (page: typeof ana) => page.getByRole('region', { name: 'Recently triaged' }).locator('li').allTextContents();
    await expect.poll(async () => (await outcome(ana)).length, { timeout: 15_000 }).toBe(1);
    await expect.poll(async () => JSON.stringify(await outcome(bo)), { timeout: 15_000 }).toBe(JSON.stringify(await outcome(ana)));
    const [line] = await outcome(ana);
    for (const page of [ana, bo]) await page.getByRole('tab', { name: 'Backlog' }).click();
    const backlog = line!.includes('Accepted') ? ['Bulk edit of prices'] : [];
    await expect.poll(() => rowTitles(ana)).toEqual(backlog);
    await expect.poll(() => rowTitles(bo)).toEqual(backlog);
    await form.page.screenshot({ path: `${SHOTS}intake-open-form-1280.png` });
    await expect.poll(() => form.page.locator('.request-status').textContent()).toMatch(line!.includes('Accepted') ? /^Accepted/ : /^Declined/);
  });
});
