import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderedItems } from '../../shared/index.js';
import { connectClient, type Client } from '../helpers/clients.js';
import { startRelayProcess, tempDataDir, type RelayProcess } from '../helpers/relay-process.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const FIXTURE = new URL('../fixtures/import/jira-cloud.csv', import.meta.url).pathname;

let relay: RelayProcess;
let dataDir: string;
let watcher: Client;

/** Runs the command as `npm run import`/`export` do, against the relay of this DATA_DIR. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliWith({ DATA_DIR: dataDir }, ...args);
}

async function cliWith(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/board-cli.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  dataDir = tempDataDir();
  relay = await startRelayProcess(dataDir);
  watcher = connectClient(relay.syncUrl, 'cli-board');
  await watcher.synced();
});

afterAll(async () => {
  watcher.destroy();
  await relay.kill();
});

describe('npm run import / export', () => {
  it('imports a file into a board through the running relay: people with it open see the items, a second run updates', async () => {
    const first = await cli('import', FIXTURE, '--board', 'cli-board');
    expect(first.stdout).toBe('jira-csv: 5 added, 0 updated, 0 unchanged on board cli-board\n');
    expect(first.stderr).toContain('warning (row');
    await expect.poll(() => orderedItems(watcher.doc).length).toBe(5);
    expect(orderedItems(watcher.doc)[1]!.title).toBe('Pay by card');
    const again = await cli('import', FIXTURE, '--board', 'cli-board');
    expect(again.stdout).toBe('jira-csv: 0 added, 0 updated, 5 unchanged on board cli-board\n');
  });

  it('exports the board as the relay holds it', async () => {
    const { code, stdout } = await cli('export', '--board', 'cli-board', '--format', 'csv');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\r\n');
    expect(lines[0]).toMatch(/^Summary,Issue key,Issue Type,Status,Priority,Story Points,Labels,Labels,Description/);
    expect(stdout).toContain('Pay by card,PAY-2,Story,To Do,Highest,5,payments,web,');
  });

  it('signs itself an invite when the relay requires invites', async () => {
    const secret = 'a-test-secret-that-is-long-enough-1234';
    const guardedDir = tempDataDir();
    const guarded = await startRelayProcess(guardedDir, { AUTH_SECRET: secret });
    try {
      const refused = await cliWith({ DATA_DIR: guardedDir }, 'import', FIXTURE, '--board', 'guarded');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("the relay requires invites: run this with the relay's AUTH_SECRET set");
      const ok = await cliWith({ DATA_DIR: guardedDir, AUTH_SECRET: secret }, 'import', FIXTURE, '--board', 'guarded');
      expect(ok.stdout).toBe('jira-csv: 5 added, 0 updated, 0 unchanged on board guarded\n');
    } finally {
      await guarded.kill();
    }
  });

  it('refuses a bad file with the reason and writes nothing', async () => {
    const empty = await cli('import', '/dev/null', '--board', 'cli-board');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('error: the file is empty');
    expect(empty.stderr).toContain('nothing was imported');
    const usage = await cli('export', '--board', 'cli-board', '--format', 'xml');
    expect(usage.stderr).toContain('--format must be one of csv, json, markdown, estimates-csv');
    expect(orderedItems(watcher.doc)).toHaveLength(5);
  });
});
