/**
 * One relay per data directory. Two relays on one directory would each
 * empty the other's journal (journal.ts) and lose what it holds, so a relay
 * holds an exclusive SQLite lock on `DATA_DIR/relay.lock` for as long as its
 * storage is open. The lock is the operating system's (fcntl), so a crashed
 * or killed relay releases it with its process.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';

/** Takes the directory's lock; throws a clear error if another relay holds it. Returns the release. */
export function lockDataDir(dataDir: string): () => void {
  // No busy wait: a held lock means another relay, now.
  const lock = new Database(join(dataDir, 'relay.lock'), { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    // An exclusive transaction in exclusive locking mode keeps the file locked until the connection closes.
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new Error(`another relay is using the data directory ${dataDir} (DATA_DIR); stop it or choose another directory`, { cause: error });
    }
    throw error;
  }
  return () => lock.close();
}
