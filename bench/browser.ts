/**
 * 7. The browser (headless Chromium, as in the browser tests): first render
 * of a large board from the relay and from local storage, and the time from
 * a remote edit arriving to it showing on screen.
 */
import { existsSync } from 'node:fs';
import * as Y from 'yjs';
import { build } from 'vite';
import { itemsMap, orderedIds } from '../shared/index.js';
import { launchBrowser } from '../test/helpers/browser.js';
import { connect } from './clients.js';
import { startRelay } from './relays.js';
import { largeBoard, type ScenarioResult, type Sizes } from './scenarios.js';
import { median, percentile } from './stats.js';

const ROOT = new URL('..', import.meta.url).pathname;

/** Records, in the page, when the backlog first shows all of its items. */
function firstRenderProbe(count: number) {
  return `(() => {
    const check = () => {
      const shown = document.querySelector('.count')?.textContent === '${count} items' && document.querySelector('[role="option"]');
      if (shown) window.__firstRender = performance.now(); else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })();`;
}

export async function browser(sizes: Sizes): Promise<ScenarioResult> {
  if (sizes.rebuildClient || !existsSync(`${ROOT}dist/client/index.html`)) {
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    await build({ configFile: `${ROOT}vite.config.ts`, logLevel: 'warn', mode: 'production' });
    process.env.NODE_ENV = nodeEnv;
  }

  const { items, edits } = sizes.browser;
  const relay = await startRelay('ours');
  const chromium = await launchBrowser();
  try {
    const board = 'browser-bench';
    const writer = connect('ours', relay.url, board);
    await writer.synced();
    Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(largeBoard(items, 0)));
    const witness = connect('ours', relay.url, board);
    while (itemsMap(witness.doc).size < items) await new Promise((resolve) => setTimeout(resolve, 50));
    witness.destroy();

    const url = `http://127.0.0.1:${relay.port}/b/${board}`;
    const fromRelay: number[] = [];
    const fromLocal: number[] = [];
    for (let run = 0; run < sizes.runs; run++) {
      const context = await chromium.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript(firstRenderProbe(items));
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { __firstRender?: number }).__firstRender !== undefined, null, { timeout: 60_000 });
      fromRelay.push(await page.evaluate(() => (window as unknown as { __firstRender: number }).__firstRender));
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      // Let IndexedDB finish storing the board, then open it again with no network at all.
      await page.waitForTimeout(1000);
      await page.close();
      await context.setOffline(true);
      const again = await context.newPage();
      await again.goto(url);
      await again.waitForFunction(() => (window as unknown as { __firstRender?: number }).__firstRender !== undefined, null, { timeout: 60_000 });
      fromLocal.push(await again.evaluate(() => (window as unknown as { __firstRender: number }).__firstRender));
      await context.close();
    }

    // Remote edits: a Node client renames the first item; the page notes when the text changes.
    const context = await chromium.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('[role="option"] .row-title');
    const firstId = orderedIds(writer.doc)[0]!;
    await page.evaluate((id) => {
      const seen: Record<string, number> = {};
      (window as unknown as { __seen: Record<string, number> }).__seen = seen;
      new MutationObserver(() => {
        const text = document.querySelector(`[data-item-id="${id}"] .row-title`)?.textContent ?? '';
        if (text.startsWith('edit ') && seen[text] === undefined) seen[text] = Date.now();
      }).observe(document.querySelector('.list-inner')!, { subtree: true, childList: true, characterData: true });
    }, firstId);
    const sent: Record<string, number> = {};
    const title = itemsMap(writer.doc).get(firstId)!.get('title') as Y.Text;
    for (let i = 0; i < edits; i++) {
      const text = `edit ${i}`;
      sent[text] = Date.now();
      writer.doc.transact(() => {
        title.delete(0, title.length);
        title.insert(0, text);
      });
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    await page.waitForTimeout(500);
    const seen = await page.evaluate(() => (window as unknown as { __seen: Record<string, number> }).__seen);
    const delays = Object.entries(sent)
      .filter(([text]) => seen[text] !== undefined)
      .map(([text, at]) => seen[text]! - at);
    await context.close();
    writer.destroy();
    return {
      title: `The browser: a ${items}-item board in headless Chromium`,
      rows: [
        {
          relay: 'ours',
          'first render from relay ms': Math.round(median(fromRelay)),
          'first render from local storage ms': Math.round(median(fromLocal)),
          'remote edit visible p95 ms': Math.round(percentile(delays, 95)),
          'edits seen': `${delays.length}/${edits}`,
        },
      ],
      notes: [
        'First render: from navigation start to the list showing all items. From local storage: the same page reopened with the network off (service worker and IndexedDB). Remote edit: a Node client on the same machine renames an item; the time until the page shows the new title (both on the system clock). Our UI only: the peers are servers without one.',
      ],
    };
  } finally {
    await chromium.close();
    await relay.stop();
  }
}
