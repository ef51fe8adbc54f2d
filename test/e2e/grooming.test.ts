/**
 * A grooming session in three browsers: Fay facilitates, Vic votes, Oli
 * observes (and Oli's computer clock is seven seconds fast).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SHOTS, addItems, browserSuite, openBoard, row, waitLive } from './board-helpers.js';

const suite = browserSuite();
let boards = 0;

async function meeting() {
  const url = `${suite.relay.httpUrl}/b/grooming-${++boards}-${Date.now()}`;
  const fay = await openBoard(suite.browser, url, { name: 'Fay', width: 1440, height: 900 });
  suite.track(fay.context);
  await fay.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await addItems(fay.page, ['Sign in with SSO', 'Export orders to CSV', 'Fix VAT rounding']);
  await fay.page.getByRole('button', { name: 'Start grooming session' }).click();
  await expect.poll(() => fay.page.locator('[data-focus-item]').getAttribute('data-focus-item')).toBe('Sign in with SSO');

  const vic = await openBoard(suite.browser, url, { name: 'Vic', width: 1280, height: 800 });
  suite.track(vic.context);
  await vic.page.getByRole('button', { name: 'Join as voter' }).click();

  const oli = await openBoard(suite.browser, url, { name: 'Oli', width: 1280, height: 800, clockShiftMs: 7000 });
  suite.track(oli.context);
  await oli.page.getByRole('button', { name: 'Observe' }).click();
  await expect.poll(() => fay.page.locator('[data-participant]').count()).toBe(3);
  return { url, fay: fay.page, vic: vic.page, oli: oli.page, vicContext: vic.context };
}

const voterCard = (page: Page, name: string) => page.locator(`[data-voter="${name}"] .voter-card`);
const stat = (page: Page, name: string) => page.locator(`[data-stat="${name}"]`).textContent();

describe('a grooming session', () => {
  it('runs poker rounds with sealed votes, a re-vote, an accepted estimate, following and a summary', async () => {
    const { fay, vic, oli } = await meeting();
    await fay.getByRole('button', { name: 'Start estimation' }).click();
    await expect.poll(() => vic.locator('.card').count()).toBeGreaterThan(5);
    // The observer sees the round but has no cards.
    await expect.poll(() => oli.locator('[data-round-status="voting"]').count()).toBe(1);
    expect(await oli.locator('.card').count()).toBe(0);

    await fay.getByRole('button', { name: '5', exact: true }).click();
    await vic.getByRole('button', { name: '8', exact: true }).click();
    // Everyone sees who voted, nobody sees what.
    for (const page of [fay, vic, oli]) {
      await expect.poll(() => voterCard(page, 'Vic').textContent()).toBe('✓');
      await expect.poll(() => voterCard(page, 'Fay').textContent()).toBe('✓');
    }
    await oli.screenshot({ path: `${SHOTS}grooming-voting.png` });

    await fay.getByRole('button', { name: 'Reveal' }).click();
    for (const page of [fay, vic, oli]) {
      await expect.poll(() => voterCard(page, 'Vic').textContent()).toBe('8');
      await expect.poll(() => voterCard(page, 'Fay').textContent()).toBe('5');
      expect(await stat(page, 'median')).toBe('6.5');
      expect(await page.locator('[data-voter="Fay"]').getAttribute('class')).toContain('voter-lowest');
      expect(await page.locator('[data-voter="Vic"]').getAttribute('class')).toContain('voter-highest');
    }
    await fay.screenshot({ path: `${SHOTS}grooming-revealed.png` });

    // Re-vote: a new round, and this time they agree.
    await fay.getByRole('button', { name: 'Re-vote' }).click();
    await expect.poll(() => vic.locator('[data-round-status="voting"]').count()).toBe(1);
    await fay.getByRole('button', { name: '5', exact: true }).click();
    await vic.getByRole('button', { name: '5', exact: true }).click();
    await expect.poll(() => voterCard(fay, 'Vic').textContent()).toBe('✓');
    await fay.getByRole('button', { name: 'Reveal' }).click();
    await expect.poll(() => stat(vic, 'agreement')).toBe('100%');
    await fay.getByRole('button', { name: 'Accept 5' }).click();
    await expect.poll(() => row(oli, 'Sign in with SSO').locator('.estimate').textContent()).toBe('5');

    // Oli stops following and looks at another item; Vic keeps following.
    await oli.getByLabel('Follow').uncheck();
    await row(oli, 'Fix VAT rounding').click();
    await row(vic, 'Fix VAT rounding').click();
    await fay.getByRole('button', { name: /^Next: Export orders to CSV/ }).click();
    await expect.poll(() => vic.locator('[data-focus-item]').getAttribute('data-focus-item')).toBe('Export orders to CSV');
    await expect.poll(() => fay.locator('[data-participant="Oli"]').getAttribute('data-following')).toBe('false');
    expect(await oli.locator('[data-focus-item]').count()).toBe(0);
    expect(await oli.locator('[data-panel-item]').count()).toBe(1);
    await expect.poll(() => row(oli, 'Export orders to CSV').getAttribute('data-in-focus')).toBe('true');

    await fay.getByRole('button', { name: 'End session' }).click();
    const markdown = fay.getByLabel('Summary as Markdown');
    await expect.poll(() => markdown.inputValue()).toContain('| 1 | Sign in with SSO | 5 |');
    expect(await markdown.inputValue()).toContain('| 2 | estimated |');
    await fay.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect.poll(() => fay.evaluate(() => navigator.clipboard.readText())).toContain('facilitated by Fay');
    await fay.screenshot({ path: `${SHOTS}grooming-summary.png` });
  });

  it('estimates business value in a sealed round, and accepting writes it to the item', async () => {
    const { fay, vic } = await meeting();
    await fay.getByRole('button', { name: 'Prioritize' }).click();
    await fay.getByRole('dialog', { name: 'Prioritization' }).getByRole('checkbox', { name: /^WSJF/ }).check();
    await fay.getByRole('dialog', { name: 'Prioritization' }).getByRole('button', { name: 'Close' }).click();
    await fay.getByRole('button', { name: 'Estimate business value' }).click();
    await expect.poll(() => vic.locator('.cards .card').allTextContents()).toEqual(['1', '2', '3', '5', '8', '13', '20', '?']);
    expect(await vic.locator('.poker-head strong').textContent()).toBe('Round 1 · business value');
    await fay.getByRole('button', { name: '8', exact: true }).click();
    await vic.getByRole('button', { name: '13', exact: true }).click();
    await expect.poll(() => voterCard(fay, 'Vic').textContent()).toBe('✓');
    await fay.getByRole('button', { name: 'Reveal' }).click();
    await expect.poll(() => voterCard(vic, 'Fay').textContent()).toBe('8');
    await fay.getByRole('button', { name: 'Accept 13' }).click();
    // The item's business value is set, its estimate is not, and effort can be estimated next.
    await row(vic, 'Sign in with SSO').click();
    await expect.poll(() => vic.getByRole('complementary', { name: 'Item details' }).getByLabel('Business value', { exact: true }).inputValue()).toBe('13');
    expect(await row(vic, 'Sign in with SSO').locator('.estimate').textContent()).toBe('');
    await fay.screenshot({ path: `${SHOTS}grooming-value-round.png` });
    await fay.getByRole('button', { name: 'Start estimation' }).click();
    await expect.poll(() => fay.locator('.poker-head strong').textContent()).toBe('Round 2');
  });

  it('shows the same time on every screen, even with a clock that is seven seconds off', async () => {
    const { fay, vic, oli } = await meeting();
    // Each tab's remaining time, moved to one common instant of real time.
    const reading = async (page: Page) => {
      const timer = page.getByTestId('item-timer');
      const [remaining, measuredAt] = await Promise.all([timer.getAttribute('data-remaining-ms'), timer.getAttribute('data-measured-at')]);
      return Number(remaining) + Number(measuredAt);
    };
    await expect
      .poll(async () => {
        const values = await Promise.all([fay, vic, oli].map(reading));
        return Math.max(...values) - Math.min(...values);
      })
      .toBeLessThanOrEqual(250);
    // The clock really is off in Oli's tab.
    expect(await oli.evaluate(() => Date.now() - (performance.timeOrigin + performance.now()))).toBeGreaterThan(6000);
    // Pausing stops it for everyone.
    await fay.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(() => oli.getByTestId('item-timer').getAttribute('aria-label')).toMatch(/paused/);
  });

  it('counts a vote cast offline once the voter reconnects, before the reveal', async () => {
    const { fay, vic, vicContext } = await meeting();
    // This time in T-shirt sizes.
    await fay.getByLabel('Deck').selectOption('tshirt');
    await fay.getByRole('button', { name: 'Start estimation' }).click();
    await expect.poll(() => vic.locator('.card').allTextContents()).toEqual(['XS', 'S', 'M', 'L', 'XL', 'XXL', '?', '☕']);
    await vicContext.setOffline(true);
    await expect.poll(() => vic.getByTestId('connection').getAttribute('data-status')).toBe('offline');
    await vic.getByRole('button', { name: 'XL', exact: true }).click();
    await fay.getByRole('button', { name: 'M', exact: true }).click();
    await expect.poll(() => voterCard(fay, 'Fay').textContent()).toBe('✓');
    expect(await voterCard(fay, 'Vic').textContent()).toBe('…');

    await vicContext.setOffline(false);
    await waitLive(vic);
    await expect.poll(() => voterCard(fay, 'Vic').textContent()).toBe('✓');
    await fay.getByRole('button', { name: 'Reveal' }).click();
    await expect.poll(() => voterCard(fay, 'Vic').textContent()).toBe('XL');
    await expect.poll(() => voterCard(vic, 'Fay').textContent()).toBe('M');
  });
});
