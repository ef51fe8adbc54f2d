/**
 * A real PostgreSQL server for a test: a fresh cluster in a temporary
 * directory, listening only on a Unix socket there, run as the `postgres`
 * user (initdb refuses root). It fails loudly when PostgreSQL is not
 * installed (`apt-get install -y postgresql`); it never skips.
 *
 * fsync is off for tests: they kill relays and stop PostgreSQL, never the
 * machine, and a stopped server's WAL is still in the page cache, so every
 * committed transaction survives as it would with fsync on. The benchmarks
 * turn it on (`{ fsync: true }`), the setting the durability promise needs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import type pg from 'pg';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PostgresServer {
  /** postgres://postgres@/relay?host=<socket dir>: what DATABASE_URL takes. */
  url: string;
  socketDir: string;
  /** Stops the server at once (-m immediate: as if killed); `start` brings it back with its data. */
  crash(): void;
  start(): void;
  /** Stops the server and removes its files. */
  destroy(): void;
}

/** The directory holding initdb and pg_ctl: Debian keeps them under /usr/lib/postgresql/<version>/bin. */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((name) => existsSync(join(root, name, 'bin', 'pg_ctl'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error('PostgreSQL is not installed here (no /usr/lib/postgresql/<version>/bin/pg_ctl): apt-get install -y postgresql');
  return join(root, versions[0]!, 'bin');
}

function asPostgres(command: string, args: string[]): string {
  const run = spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${run.status}): ${run.stderr || run.stdout}`);
  return run.stdout;
}

/** The port of the relay that owns `board` now (from the address it registered), or null while nobody does. */
export async function ownerPort(db: pg.Pool | pg.Client, board: string): Promise<number | null> {
  const { rows } = await db.query<{ url: string }>('SELECT r.url FROM board_owners o JOIN relays r ON r.id = o.relay WHERE o.board = $1', [board]);
  return rows[0] === undefined ? null : Number(new URL(rows[0].url).port);
}

export function startPostgres({ fsync = false }: { fsync?: boolean } = {}): PostgresServer {
  const bin = binDir();
  const root = mkdtempSync(join(tmpdir(), 'pg-test-'));
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(root, uid, gid);
  const data = join(root, 'data');
  const log = join(root, 'server.log');
  asPostgres(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const options = `-k ${root} -c listen_addresses='' -c fsync=${fsync ? 'on' : 'off'} -c max_connections=200`;
  const start = () => void asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', log, '-w', '-t', '30', 'start']);
  start();
  asPostgres(join(bin, 'psql'), ['-h', root, '-U', 'postgres', '-d', 'postgres', '-q', '-c', 'CREATE DATABASE relay']);
  let running = true;
  return {
    url: `postgres://postgres@/relay?host=${encodeURIComponent(root)}`,
    socketDir: root,
    crash() {
      asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      running = false;
    },
    start() {
      start();
      running = true;
    },
    destroy() {
      if (running) {
        try {
          asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
        } catch {
          // Already down: nothing to stop.
        }
      }
      running = false;
      rmSync(root, { recursive: true, force: true });
    },
  };
}
