/**
 * `npm run import -- FILE --board ID [--format F] [--top]` and
 * `npm run export -- --board ID --format csv|json|markdown|estimates-csv [--out FILE]`.
 *
 * Both work through the relay running on this DATA_DIR (or at `--url`), as
 * one more client of the board: an import reaches everyone who has the board
 * open at once, and nothing writes to the relay's storage behind its back, so
 * an open board cannot be corrupted. With AUTH_SECRET set, the command signs
 * itself a facilitator invite valid for ten minutes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { decodeImportBytes, importSteps, importedItemId, parseImport, IMPORT_FORMATS, type ImportFormat, type ImportResult } from '../shared/import/index.js';
import { exportBacklog, EXPORT_FORMATS, type ExportFormat } from '../shared/export/index.js';
import { itemsMap } from '../shared/board.js';
import { signInvite } from './access.js';
import { readConfig } from './config.js';
import { BOARD_ID } from './paths.js';
import { relayUrls, runningRelayUrl } from './urls.js';

const TIMEOUT_MS = 20_000;

function fail(message: string): never {
  throw new Error(message);
}

/** Connects to the board and resolves once the relay has sent it whole. */
async function openBoard(url: string, board: string, token: string | null): Promise<{ doc: Y.Doc; close: () => void }> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, board, doc, {
    params: token === null ? {} : { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const close = () => provider.destroy();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      close();
      reject(new Error(`could not load board ${board} from the relay at ${url} within ${TIMEOUT_MS / 1000} s (is it running? --url says where)`));
    }, TIMEOUT_MS);
    provider.on('sync', (synced: boolean) => {
      if (!synced) return;
      clearTimeout(timer);
      resolve();
    });
    provider.on('connection-close', (event: { code?: number; reason?: string } | null) => {
      if (event?.code === 1008 || event?.code === 4401 || event?.code === 4403) {
        clearTimeout(timer);
        close();
        reject(new Error(`the relay refused the connection: ${event.reason ?? event.code}`));
      }
    });
  });
  return { doc, close };
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { board: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, url: { type: 'string' }, top: { type: 'boolean' } },
  });
  const board = values.board ?? fail('--board ID is required');
  if (!BOARD_ID.test(board)) fail(`not a board id: ${JSON.stringify(board)}`);
  const config = readConfig();
  const base = (values.url ?? runningRelayUrl(config.dataDir) ?? relayUrls(config.host, config.port, config.tls !== undefined).main).replace(/\/$/, '');
  const syncUrl = `${base.replace(/^http/, 'ws')}/sync`;
  const token = config.authSecret === undefined ? null : signInvite(config.authSecret, { board, role: 'facilitator', expiresAt: Date.now() + 10 * 60_000 });
  const health = (await fetch(`${base}/health`, { signal: AbortSignal.timeout(5000) }).then(
    (response) => response.json(),
    () => fail(`no relay answers at ${base} (start it with npm start, or say where with --url)`),
  )) as { invites?: boolean };
  if (health.invites === true && token === null) fail('the relay requires invites: run this with the relay\'s AUTH_SECRET set');

  if (command === 'import') {
    const file = positionals[0] ?? fail('usage: npm run import -- FILE --board ID [--format F] [--top]');
    const format = values.format as ImportFormat | undefined;
    if (format !== undefined && !IMPORT_FORMATS.includes(format)) fail(`--format must be one of ${IMPORT_FORMATS.join(', ')}`);
    const plan = parseImport(decodeImportBytes(new Uint8Array(readFileSync(file))), { format, fileName: basename(file) });
    for (const warning of plan.warnings) process.stderr.write(`warning${warning.row === null ? '' : ` (row ${warning.row})`}: ${warning.message}\n`);
    if (plan.errors.length > 0) {
      for (const error of plan.errors) process.stderr.write(`error${error.row === null ? '' : ` (row ${error.row})`}: ${error.message}\n`);
      fail(`nothing was imported: ${plan.errors.length} error(s) in ${file}`);
    }
    const { doc, close } = await openBoard(syncUrl, board, token);
    // In steps: one update per 500 items, each well within what the relay takes from one client.
    const result: ImportResult = { added: 0, updated: 0, unchanged: 0 };
    const steps = importSteps(doc, plan, values.top ? { after: null } : { before: null });
    for (let step = steps.next(); step !== null; step = steps.next()) {
      result.added += step.added;
      result.updated += step.updated;
      result.unchanged += step.unchanged;
    }
    close();
    // Done only when the relay holds it: a fresh connection must see every imported item.
    const ids = plan.items.map((item) => importedItemId(item.source));
    const deadline = Date.now() + TIMEOUT_MS;
    for (;;) {
      const check = await openBoard(syncUrl, board, token);
      const missing = ids.filter((id) => !itemsMap(check.doc).has(id)).length;
      check.close();
      if (missing === 0) break;
      if (Date.now() > deadline) fail(`the relay did not confirm ${missing} of the imported items; run the import again (it updates, never duplicates)`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    process.stdout.write(`${plan.format}: ${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged on board ${board}\n`);
  } else if (command === 'export') {
    const format = (values.format ?? fail(`--format is required: ${EXPORT_FORMATS.join(', ')}`)) as ExportFormat;
    if (!EXPORT_FORMATS.includes(format)) fail(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
    const { doc, close } = await openBoard(syncUrl, board, token);
    const text = exportBacklog(doc, format);
    close();
    if (values.out) writeFileSync(values.out, text);
    else process.stdout.write(text);
  } else {
    fail('usage: npm run import -- FILE --board ID [--format F] [--top] | npm run export -- --board ID --format csv|json|markdown|estimates-csv [--out FILE]');
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
