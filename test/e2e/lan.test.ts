/**
 * The board reached over plain HTTP from another machine on the network
 * (HOST=0.0.0.0, http://<LAN address>:8080). Such a page is not a secure
 * context: the browser gives it no crypto.subtle and no service worker.
 * Chromium maps the host name lan.test to this machine's loopback address,
 * so the page really runs at http://lan.test:<port>, an origin that is not
 * potentially trustworthy (unlike localhost and 127.0.0.0/8), while no
 * traffic leaves the machine.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SHOTS, addItems, browserSuite, openBoard } from './board-helpers.js';

const suite = browserSuite({}, ['--host-resolver-rules=MAP lan.test 127.0.0.1']);

const voterCard = (page: Page, name: string) => page.locator(`[data-voter="${name}"] .voter-card`);
const stat = (page: Page, name: string) => page.locator(`[data-stat="${name}"]`).textContent();

describe('a board over plain HTTP on a local network', () => {
  it('runs a sealed poker round without WebCrypto or a service worker, with no errors', async () => {
    const url = `http://lan.test:${suite.relay.port}/b/lan-${Date.now()}`;
    const errors: string[] = [];
    const fay = await openBoard(suite.browser, url, { name: 'Fay', width: 1440, height: 900, errors });
    suite.track(fay.context);
    const vic = await openBoard(suite.browser, url, { name: 'Vic', width: 1280, height: 800, errors });
    suite.track(vic.context);

    // What a teammate on the network gets: no secure context, so no WebCrypto and no service worker.
    for (const { page } of [fay, vic]) {
      expect(new URL(page.url()).host).toBe(`lan.test:${suite.relay.port}`);
      expect(await page.evaluate(() => ({ secure: window.isSecureContext, subtle: typeof crypto.subtle, sw: 'serviceWorker' in navigator }))).toEqual({
        secure: false,
        subtle: 'undefined',
        sw: false,
      });
    }

    await addItems(fay.page, ['Sign in with SSO', 'Export orders to CSV']);
    await fay.page.getByRole('button', { name: 'Start grooming session' }).click();
    await vic.page.getByRole('button', { name: 'Join as voter' }).click();
    await expect.poll(() => fay.page.locator('[data-participant]').count()).toBe(2);
    await fay.page.getByRole('button', { name: 'Start estimation' }).click();
    await expect.poll(() => vic.page.locator('.card').count()).toBeGreaterThan(5);

    await fay.page.getByRole('button', { name: '5', exact: true }).click();
    await vic.page.getByRole('button', { name: '8', exact: true }).click();
    for (const { page } of [fay, vic]) {
      await expect.poll(() => voterCard(page, 'Vic').textContent()).toBe('✓');
      await expect.poll(() => voterCard(page, 'Fay').textContent()).toBe('✓');
    }
    await fay.page.getByRole('button', { name: 'Reveal' }).click();
    for (const { page } of [fay, vic]) {
      await expect.poll(() => voterCard(page, 'Vic').textContent()).toBe('8');
      await expect.poll(() => voterCard(page, 'Fay').textContent()).toBe('5');
      expect(await stat(page, 'median')).toBe('6.5');
      expect(await stat(page, 'agreement')).toBe('50%');
    }
    await vic.page.screenshot({ path: `${SHOTS}lan-revealed.png` });

    await fay.page.getByRole('button', { name: 'Re-vote' }).click();
    await expect.poll(() => vic.page.locator('[data-round-status="voting"]').count()).toBe(1);
    await fay.page.getByRole('button', { name: '3', exact: true }).click();
    await vic.page.getByRole('button', { name: '3', exact: true }).click();
    await expect.poll(() => voterCard(fay.page, 'Vic').textContent()).toBe('✓');
    await fay.page.getByRole('button', { name: 'Reveal' }).click();
    await expect.poll(() => stat(vic.page, 'agreement')).toBe('100%');
    expect(await stat(vic.page, 'median')).toBe('3');
    await fay.page.getByRole('button', { name: 'Accept 3' }).click();
    await expect.poll(() => vic.page.locator('[role="option"] .estimate').first().textContent()).toBe('3');

    // The clipboard API is for secure contexts too; copying the summary still works.
    await fay.page.getByRole('button', { name: 'End session' }).click();
    await fay.page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect.poll(() => fay.page.getByRole('button', { name: 'Copied' }).count()).toBe(1);
    const search = vic.page.getByPlaceholder(/Search/);
    await search.focus();
    await vic.page.keyboard.press('Control+V');
    await expect.poll(() => search.inputValue()).toContain('Sign in with SSO');
    await fay.page.screenshot({ path: `${SHOTS}lan-summary.png` });

    expect(errors).toEqual([]);
  });
});
