/**
 * Intake in the browser, with invites on: a product owner makes a requester
 * link, a stakeholder files requests through the form, the product owner
 * triages them from the inbox (accepting one at a chosen place, asking about
 * another, declining a third), and the stakeholder sees each outcome.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signInvite } from '../../server/access.js';
import { SHOTS, addItems, browserSuite, row, rowTitles, waitLive } from './board-helpers.js';

const SECRET = 'e2e-intake-secret-0123456789-abcdefghij';
const suite = browserSuite({ AUTH_SECRET: SECRET });

async function file(page: Page, fields: { title: string; details?: string; from?: string; name?: string; link?: string }): Promise<void> {
  await page.getByLabel('What do you need?').fill(fields.title);
  if (fields.details) await page.getByLabel('Details').fill(fields.details);
  if (fields.from) await page.getByLabel('Customer or team').fill(fields.from);
  if (fields.name) await page.getByLabel('Your name').fill(fields.name);
  if (fields.link) await page.getByLabel('Link').fill(fields.link);
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Sent:' }).textContent()).toContain(fields.title);
}

const card = (page: Page, title: string) => page.locator('.request-card', { hasText: title });
const status = (page: Page, title: string) => page.getByRole('region', { name: 'Your requests' }).locator('li', { hasText: title }).locator('.request-status');

describe('intake', () => {
  it('a stakeholder files requests through a requester link; the product owner triages them; the stakeholder sees what became of each', async () => {
    const { relay, browser } = suite;
    const board = 'e2eIntakeBoard00000000';
    const poContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    suite.track(poContext);
    const po = await poContext.newPage();
    await po.goto(`${relay.httpUrl}/b/${board}?invite=${signInvite(SECRET, { board, role: 'facilitator', expiresAt: Date.now() + 3_600_000 })}`);
    await waitLive(po);
    await addItems(po, ['Checkout', 'Invoices', 'Reports']);

    // The product owner makes a requester link in the app: it opens the request form.
    await po.getByRole('button', { name: 'Invite' }).click();
    await po.getByLabel('Role').selectOption('requester');
    await po.getByRole('button', { name: 'Create link' }).click();
    const link = await po.getByLabel('Invite link').inputValue();
    expect(link).toContain(`/b/${board}/request?invite=`);
    await po.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

    const ritaContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    suite.track(ritaContext);
    const rita = await ritaContext.newPage();
    await rita.goto(link);
    await expect.poll(() => rita.getByRole('heading', { level: 1 }).textContent()).toContain('Send a request');
    // The requester's page shows no backlog.
    expect(await rita.locator('[role="option"]').count()).toBe(0);
    await file(rita, { title: 'Export invoices as PDF', details: 'Our accountant needs PDFs every month.', from: 'Acme Corp', name: 'Rita', link: 'https://support.example.com/t/42' });
    await file(rita, { title: 'Make reports faster' });
    await file(rita, { title: 'Make it pop' });
    await expect.poll(() => status(rita, 'Export invoices as PDF').textContent()).toBe('Waiting for triage');
    await rita.screenshot({ path: `${SHOTS}intake-request-form-1440.png` });

    // The product owner sees three requests waiting, with where they came from.
    await expect.poll(() => po.locator('.tab-count').textContent()).toBe('3');
    await po.getByRole('tab', { name: /Inbox/ }).click();
    await expect.poll(() => po.locator('.request-card').count()).toBe(3);
    expect(await card(po, 'Export invoices as PDF').locator('.request-meta').textContent()).toContain('Customer: Acme Corp');
    await po.screenshot({ path: `${SHOTS}intake-inbox-1280.png` });

    // Accept the first right after "Checkout" (selected in the backlog), as an enhancement that should be done.
    await po.getByRole('tab', { name: 'Backlog' }).click();
    await row(po, 'Checkout').click();
    await po.getByRole('button', { name: 'Close details' }).click();
    await po.getByRole('tab', { name: /Inbox/ }).click();
    await card(po, 'Export invoices as PDF').getByRole('button', { name: 'Accept…' }).click();
    const accept = po.getByRole('form', { name: 'Accept into the backlog' });
    await accept.getByLabel('Kind').selectOption('enhancement');
    await accept.getByLabel('Priority').selectOption('should');
    expect(await accept.getByLabel('Place').inputValue()).toBe('selected');
    await po.screenshot({ path: `${SHOTS}intake-accept-1280.png` });
    await accept.getByRole('button', { name: 'Accept' }).click();
    // Ask about the second, decline the third.
    await card(po, 'Make reports faster').getByRole('button', { name: 'Ask…' }).click();
    await po.getByLabel('Question for the requester').fill('Which report, and how slow is it now?');
    await po.getByRole('form', { name: 'Ask for more information' }).getByRole('button', { name: 'Send back' }).click();
    await card(po, 'Make it pop').getByRole('button', { name: 'Decline…' }).click();
    await po.getByLabel('Reason (the requester sees it)').fill('Not specific enough to act on');
    await po.getByRole('form', { name: 'Decline' }).getByRole('button', { name: 'Decline' }).click();
    await expect.poll(() => po.locator('.tab-count').textContent()).toBe('1');
    await po.screenshot({ path: `${SHOTS}intake-triaged-1280.png` });

    await po.getByRole('tab', { name: 'Backlog' }).click();
    await expect.poll(() => rowTitles(po)).toEqual(['Checkout', 'Export invoices as PDF', 'Invoices', 'Reports']);
    expect(await row(po, 'Export invoices as PDF').locator('.kind').textContent()).toBe('Enhancement');

    // The stakeholder sees every outcome.
    await expect.poll(() => status(rita, 'Export invoices as PDF').textContent()).toMatch(/^Accepted into the backlog by /);
    await expect.poll(() => status(rita, 'Make reports faster').textContent()).toContain('Which report, and how slow is it now?');
    await expect.poll(() => status(rita, 'Make it pop').textContent()).toContain('Declined');
    await rita.screenshot({ path: `${SHOTS}intake-outcomes-1440.png` });

    // She answers the question; the product owner sees the answer on the request, marked answered.
    await rita.getByLabel('Your answer').fill('The monthly revenue report: it takes two minutes to open.');
    await rita.getByRole('button', { name: 'Send answer' }).click();
    await po.getByRole('tab', { name: /Inbox/ }).click();
    await expect.poll(() => card(po, 'Make reports faster').locator('.request-reply').textContent()).toBe('Rita answered: The monthly revenue report: it takes two minutes to open.');
    expect(await card(po, 'Make reports faster').locator('.answered-chip').count()).toBe(1);
    await po.screenshot({ path: `${SHOTS}intake-answered-1280.png` });
  });
});
