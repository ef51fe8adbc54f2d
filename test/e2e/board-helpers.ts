/** Steps a person takes on a board, for the browser tests. */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { startRelayProcess, tempDataDir, type RelayProcess } from '../helpers/relay-process.js';

export const SHOTS = new URL('../../test-results/', import.meta.url).pathname;

export interface OpenOptions {
  width?: number;
  height?: number;
  name?: string;
  dark?: boolean;
  /** Makes this browser's clock (Date.now) run ahead by this much, like a badly set computer. */
  clockShiftMs?: number;
  /** Collects the page's uncaught errors and console errors here. */
  errors?: string[];
}

export async function openBoard(browser: Browser, url: string, options: OpenOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.dark ? 'dark' : 'light',
  });
  if (options.name) {
    await context.addInitScript((name) => {
      if (!localStorage.getItem('refinement-board.identity')) {
        localStorage.setItem('refinement-board.identity', JSON.stringify({ name, color: '#4f46e5' }));
      }
    }, options.name);
  }
  if (options.clockShiftMs) {
    await context.addInitScript((shift) => {
      const realNow = Date.now.bind(Date);
      Date.now = () => realNow() + shift;
    }, options.clockShiftMs);
  }
  watchPolicy(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error in ${options.name ?? 'a page'}:`, error.message));
  const errors = options.errors;
  if (errors) {
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  }
  await page.goto(url);
  await waitLive(page);
  return { context, page };
}

/** Content-Security-Policy violations Chromium reported in any watched page; each browser suite expects none. */
const policyViolations: string[] = [];
const watched = new WeakSet<BrowserContext>();

function watchPolicy(context: BrowserContext): void {
  if (watched.has(context)) return;
  watched.add(context);
  context.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) policyViolations.push(message.text());
  });
}

export async function waitLive(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('connection').getAttribute('data-status'), { timeout: 15_000 }).toMatch(/live|synced/);
}

export async function addItems(page: Page, titles: string[]): Promise<void> {
  const input = page.getByLabel('New item title');
  for (const title of titles) {
    await input.fill(title);
    await input.press('Enter');
  }
}

/** Titles of the rows, top to bottom (all rows are rendered on these small boards). */
export async function rowTitles(page: Page): Promise<string[]> {
  return page.locator('[role="option"] .row-title').allTextContents();
}

export function row(page: Page, title: string) {
  return page.locator('[role="option"]', { has: page.locator('.row-title', { hasText: new RegExp(`^${title}$`) }) });
}

/** Drops a file on the board, as from the desktop (dragover, then drop). */
export async function dropFile(page: Page, name: string, type: string, content: string): Promise<void> {
  await page.evaluate(
    ({ name, type, content }) => {
      const data = new DataTransfer();
      data.items.add(new File([content], name, { type }));
      const target = document.querySelector('.board-app')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    { name, type, content },
  );
}

/** Drags a row by mouse so that it lands on the row `onto`. */
export async function dragRow(page: Page, title: string, onto: string): Promise<void> {
  const from = (await row(page, title).boundingBox())!;
  const to = (await row(page, onto).boundingBox())!;
  await page.mouse.move(from.x + 12, from.y + from.height / 2);
  await page.mouse.down();
  // Past dnd-kit's activation distance first, then to the target in steps.
  await page.mouse.move(from.x + 12, from.y + from.height / 2 + (to.y > from.y ? 10 : -10), { steps: 3 });
  await page.mouse.move(to.x + 12, to.y + to.height / 2 + (to.y > from.y ? 6 : -6), { steps: 12 });
  await page.mouse.up();
}

/**
 * dnd-kit starts listening for the keys that move or drop an item in a
 * zero-delay timer after the pick-up; a timer queued now runs after it.
 */
export async function keyboardDragReady(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

export interface BrowserSuite {
  readonly relay: RelayProcess;
  readonly browser: Browser;
  /** Closes the context after the current test. */
  track(context: BrowserContext): void;
}

/**
 * Registers the hooks of a browser test file: one relay process and one
 * Chromium for the file, every tracked context closed after its test.
 */
/** A relay process and a browser for one test file; `env` configures the relay, `browserArgs` add Chromium flags. */
export function browserSuite(env: Record<string, string> = {}, browserArgs: string[] = []): BrowserSuite {
  let relay: RelayProcess | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [relay, browser] = await Promise.all([startRelayProcess(tempDataDir(), env), launchBrowser(browserArgs)]);
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    // The served page's policy allows only its own scripts and styles and this relay: nothing may break it.
    expect(policyViolations.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await relay?.kill('SIGKILL');
  });
  return {
    get relay() {
      return relay!;
    },
    get browser() {
      return browser!;
    },
    track: (context) => {
      watchPolicy(context);
      contexts.push(context);
    },
  };
}

/** Ana at 1280x720 and Bo on one new board: two people, two browser contexts, closed after the test. */
export async function twoPeople(suite: BrowserSuite, prefix: string): Promise<{ ana: Page; bo: Page }> {
  const url = `${suite.relay.httpUrl}/b/${prefix}-${Date.now()}`;
  const ana = await openBoard(suite.browser, url, { name: 'Ana', width: 1280, height: 720 });
  suite.track(ana.context);
  const bo = await openBoard(suite.browser, url, { name: 'Bo' });
  suite.track(bo.context);
  return { ana: ana.page, bo: bo.page };
}
