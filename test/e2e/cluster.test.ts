/**
 * Issue 15's "done when", in the browser: PostgreSQL and three relays behind
 * a round-robin load balancer, as docs/scale-out.md sets them up; two
 * people open one board and land on different relays; the relay that owns
 * the board is killed during a poker round, and both carry on, nothing lost.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { startRelayProcess, tempDataDir, type RelayProcess } from '../helpers/relay-process.js';
import { ownerPort, startPostgres, type PostgresServer } from '../helpers/postgres.js';
import { startBalancer, type Balancer } from '../helpers/balancer.js';
import { SHOTS, addItems, openBoard, row } from './board-helpers.js';

const ENV = { CLUSTER_SECRET: 'cluster-secret-0123456789-abcdefghijkl', CLUSTER_HEARTBEAT_MS: '200', CLUSTER_OWNER_TIMEOUT_MS: '1000' };
let server: PostgresServer;
let db: pg.Pool;
let relays: RelayProcess[] = [];
let balancer: Balancer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = startPostgres();
  db = new pg.Pool({ connectionString: server.url, max: 2 });
  relays = await Promise.all([0, 1, 2].map(() => startRelayProcess(tempDataDir(), { DATABASE_URL: server.url, ...ENV })));
  balancer = await startBalancer(relays.map((relay) => relay.port));
  browser = await launchBrowser();
}, 60_000);
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});
afterAll(async () => {
  await browser?.close();
  await balancer?.close();
  for (const relay of relays) await relay.kill('SIGKILL');
  await db?.end();
  server?.destroy();
});

async function open(url: string, name: string, width: number, height: number): Promise<Page> {
  const { context, page } = await openBoard(browser, url, { name, width, height });
  contexts.push(context);
  return page;
}

/** How many clients each relay holds. */
async function spread(): Promise<number[]> {
  return Promise.all(
    relays.map(async (relay) => {
      const text = await (await fetch(`${relay.httpUrl}/metrics`).catch(() => null))?.text();
      return Number(/^relay_connections (\d+)/m.exec(text ?? '')?.[1] ?? 0);
    }),
  );
}

const status = (page: Page) => page.getByTestId('connection').getAttribute('data-status');
const voterCard = (page: Page, name: string) => page.locator(`[data-voter="${name}"] .voter-card`);

describe('a cluster behind a load balancer', () => {
  it('carries a grooming session on, nothing lost, when the relay that owns the board is killed mid-round', async () => {
    const url = `http://127.0.0.1:${balancer.port}/b/cluster-${Date.now()}`;
    const fay = await open(url, 'Fay', 1440, 900);
    await addItems(fay, ['Sign in with SSO', 'Export orders to CSV']);
    await fay.getByRole('button', { name: 'Start grooming session' }).click();
    // Vic lands on another relay than Fay (round robin; page loads take turns too, so he reloads until he does).
    let vic = await open(url, 'Vic', 1280, 720);
    for (let attempt = 0; attempt < 6 && (await spread()).filter((count) => count > 0).length < 2; attempt++) {
      await vic.reload();
      await expect.poll(() => status(vic)).toMatch(/live|synced/);
    }
    expect((await spread()).filter((count) => count > 0).length).toBe(2);
    await vic.getByRole('button', { name: 'Join as voter' }).click();
    await expect.poll(() => fay.locator('[data-participant]').count()).toBe(2);

    await fay.getByRole('button', { name: 'Start estimation' }).click();
    await fay.getByRole('button', { name: '5', exact: true }).click();
    await vic.getByRole('button', { name: '8', exact: true }).click();
    await expect.poll(() => voterCard(fay, 'Vic').textContent()).toBe('✓');

    // The board's owner dies.
    const board = new URL(url).pathname.split('/').pop()!;
    const port = await ownerPort(db, board);
    const owner = relays.find((relay) => relay.port === port)!;
    await owner.kill('SIGKILL');
    const killed = Date.now();

    // Both carry on within seconds: live again, the votes still there, the reveal and the accepted estimate reach both.
    for (const page of [fay, vic]) await expect.poll(() => status(page), { timeout: 10_000 }).toMatch(/live|synced/);
    await expect.poll(() => voterCard(vic, 'Fay').textContent()).toBe('✓');
    await fay.getByRole('button', { name: 'Reveal' }).click();
    for (const page of [fay, vic]) {
      await expect.poll(() => voterCard(page, 'Vic').textContent(), { timeout: 10_000 }).toBe('8');
      await expect.poll(() => voterCard(page, 'Fay').textContent()).toBe('5');
    }
    // Each still sees the other present (not away) in the session.
    await expect.poll(() => fay.locator('[data-participant="Vic"]').getAttribute('class'), { timeout: 5000 }).toBe('participant');
    await expect.poll(() => vic.locator('[data-participant="Fay"]').getAttribute('class'), { timeout: 5000 }).toBe('participant');
    expect(Date.now() - killed).toBeLessThan(15_000);
    await fay.screenshot({ path: `${SHOTS}cluster-after-kill-1440.png` });
    await fay.getByRole('button', { name: 'Accept 8' }).click();
    await expect.poll(() => row(vic, 'Sign in with SSO').locator('.estimate').textContent()).toBe('8');
    await vic.screenshot({ path: `${SHOTS}cluster-after-kill-1280.png` });
    // And it is stored: a third person, arriving now, finds it.
    vic = await open(url, 'Val', 1280, 720);
    await expect.poll(() => row(vic, 'Sign in with SSO').locator('.estimate').textContent()).toBe('8');
  }, 120_000);
});
