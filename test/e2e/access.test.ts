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

  it('lets a viewer use every read-only control of a session: summary, follow, sound, details', async () => {
    const { relay, browser } = suite;
    const board = 'e2eAccessSession00000';
    const invite = (role: 'facilitator' | 'viewer') => `${relay.httpUrl}/b/${board}?invite=${signInvite(SECRET, { board, role, expiresAt: Date.now() + 3_600_000 })}`;
    const open = async (link: string, name: string) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      suite.track(context);
      await context.addInitScript((name) => localStorage.setItem('refinement-board.identity', JSON.stringify({ name, color: '#0d9488' })), name);
      const page = await context.newPage();
      await page.goto(link);
      await waitLive(page);
      return page;
    };
    const facilitator = await open(invite('facilitator'), 'Fay');
    await addItems(facilitator, ['Plan the release', 'Write the notes']);
    await facilitator.getByRole('button', { name: 'Start grooming session' }).click();
    const observer = await open(invite('viewer'), 'Oli');
    await expect.poll(() => observer.locator('[data-focus-item]').getAttribute('data-focus-item')).toBe('Plan the release');

    const follow = observer.getByLabel('Follow');
    const sound = observer.getByLabel('Sound');
    expect(await follow.isEnabled()).toBe(true);
    expect(await sound.isEnabled()).toBe(true);
    await sound.check();
    await follow.uncheck();
    await expect.poll(() => facilitator.locator('[data-participant="Fay"]').count()).toBe(1);
    expect(await sound.isChecked()).toBe(true);
    expect(await follow.isChecked()).toBe(false);

    await observer.getByRole('button', { name: 'Details', exact: true }).click();
    await expect.poll(() => observer.locator('[data-panel-item]').count()).toBe(1);
    await observer.getByRole('button', { name: 'Back to the session' }).click();

    // Joining would write to the board, which an observer's invite cannot: not offered.
    expect(await observer.getByRole('button', { name: 'Join as voter' }).count()).toBe(0);
    await observer.screenshot({ path: `${SHOTS}observer-session.png` });
    await observer.getByRole('button', { name: 'Summary', exact: true }).click();
    await expect.poll(() => observer.getByRole('dialog', { name: 'Session summary' }).isVisible()).toBe(true);
  });

  it('does not offer to create a board on the home page, and says how to get in instead', async () => {
    const { relay, browser } = suite;
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    suite.track(context);
    const page = await context.newPage();
    await page.goto(relay.httpUrl);
    await expect.poll(() => page.getByRole('heading', { name: 'Boards on this relay open by invite' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Create a board' }).count()).toBe(0);
    const text = await page.locator('main').textContent();
    expect(text).toContain('Open the invite link a facilitator sent you');
    expect(text).toContain('npm run invite -- new facilitator');
    await page.screenshot({ path: `${SHOTS}home-invites.png` });
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
