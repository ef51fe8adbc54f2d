/**
 * Invites in the browser: a facilitator opens an invite link and makes a
 * viewer's link; the viewer sees the board read-only; a visitor without
 * an invite is told so. The page runs under its Content-Security-Policy with
 * no violation, and user text is shown as text.
 */
import { describe, expect, it } from 'vitest';
import { signInvite } from '../../server/access.js';
import { SHOTS, addItems, browserSuite, row, rowTitles, waitLive } from './board-helpers.js';

const SECRET = 'e2e-secret-0123456789-abcdefghijklmnopq';
const suite = browserSuite({ AUTH_SECRET: SECRET });

/** Records Content-Security-Policy violations in the page. */
const CSP_PROBE = `window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`;

describe('invites and roles in the app', () => {
  it('lets a facilitator invite a viewer, who sees the board read-only', async () => {
    const { relay, browser } = suite;
    const board = 'e2eAccessBoard0000000';
    const link = `${relay.httpUrl}/b/${board}?invite=${signInvite(SECRET, { board, role: 'facilitator', expiresAt: Date.now() + 3_600_000 })}`;

    const facilitatorContext = await browser.newContext();
    suite.track(facilitatorContext);
    await facilitatorContext.addInitScript(CSP_PROBE);
    const facilitator = await facilitatorContext.newPage();
    await facilitator.goto(link);
    await waitLive(facilitator);
    // The invite is kept for this board and taken out of the address bar.
    expect(facilitator.url()).toBe(`${relay.httpUrl}/b/${board}`);
    const hostile = '<img src=x onerror="window.__xss=1">';
    await addItems(facilitator, ['Plan the release', hostile]);
    await expect.poll(() => rowTitles(facilitator)).toEqual(['Plan the release', hostile]);
    expect(await facilitator.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await facilitator.locator('.list-inner img').count()).toBe(0);

    await facilitator.getByRole('button', { name: 'Invite' }).click();
    await facilitator.getByLabel('Role').selectOption('viewer');
    await facilitator.getByRole('button', { name: 'Create link' }).click();
    const viewerLink = await facilitator.getByLabel('Invite link').inputValue();
    expect(viewerLink).toMatch(new RegExp(`/b/${board}\\?invite=`));
    await facilitator.screenshot({ path: `${SHOTS}invite-dialog.png` });
    await facilitator.keyboard.press('Escape');

    const viewerContext = await browser.newContext();
    suite.track(viewerContext);
    await viewerContext.addInitScript(CSP_PROBE);
    const viewer = await viewerContext.newPage();
    await viewer.goto(viewerLink);
    await waitLive(viewer);
    await expect.poll(() => rowTitles(viewer)).toEqual(['Plan the release', hostile]);
    await expect.poll(() => viewer.getByRole('status').filter({ hasText: 'View only' }).count()).toBe(1);
    expect(await viewer.getByLabel('New item title').count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Start grooming session' }).count()).toBe(0);
    // Opening an item shows it, with nothing editable.
    await row(viewer, 'Plan the release').dblclick();
    await expect.poll(() => viewer.locator('.bare-fieldset').first().evaluate((el) => (el as HTMLFieldSetElement).disabled)).toBe(true);
    // A keyboard move does nothing to the shared order.
    await row(viewer, 'Plan the release').focus();
    await viewer.keyboard.press('Alt+ArrowDown');
    await viewer.waitForTimeout(300);
    expect(await rowTitles(facilitator)).toEqual(['Plan the release', hostile]);
    await viewer.screenshot({ path: `${SHOTS}viewer.png` });

    for (const page of [facilitator, viewer]) {
      expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    }
  });

  it('tells a visitor without an invite that the board needs one', async () => {
    const { relay, browser } = suite;
    const context = await browser.newContext();
    suite.track(context);
    const page = await context.newPage();
    await page.goto(`${relay.httpUrl}/b/e2eAccessBoard0000000`);
    await expect.poll(() => page.getByRole('heading', { name: 'This board needs an invite' }).count()).toBe(1);
  });
});
