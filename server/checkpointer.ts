/**
 * WAL checkpoints off the event loop. SQLite normally copies the write-ahead
 * log back into the database file from inside a commit, every 1,000 pages:
 * on this machine that stalls the relay for 5 to 9 ms every few hundred
 * updates, and every client waiting on the relay then waits as long. So the
 * relay's own connection never checkpoints (`wal_autocheckpoint = 0`), and a
 * worker thread with a connection of its own runs a PASSIVE checkpoint every
 * CHECKPOINT_EVERY_MS. PASSIVE never blocks the relay's writes; a commit
 * stays durable the moment it is in the log, so this changes no promise.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';

const CHECKPOINT_EVERY_MS = 500;

// Plain CommonJS evaluated in the worker, so that it runs the same under tsx, vitest and plain node.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage(String(error)); }
}, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); process.exit(0); });
`;

export class Checkpointer {
  private readonly worker: Worker;

  constructor(file: string, onError: (message: string) => void = () => {}) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, everyMs: CHECKPOINT_EVERY_MS } });
    this.worker.on('message', onError);
    this.worker.on('error', (error) => onError(String(error)));
    this.worker.unref();
  }

  stop(): void {
    this.worker.postMessage('stop');
  }
}
