/**
 * A small real filesystem (tmpfs) that fills up, for storage-fault tests.
 * Mounting needs root, which the test machines and CI have; without it the
 * test fails loudly rather than testing something else.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Tmpfs {
  dir: string;
  /** Changes the size limit of the mounted filesystem (it keeps its files). */
  resize(bytes: number): void;
  unmount(): void;
}

export function mountTmpfs(bytes: number): Tmpfs {
  const dir = mkdtempSync(join(tmpdir(), 'relay-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(`could not mount a tmpfs at ${dir} (this test needs root): ${String((error as { stderr?: Buffer }).stderr ?? error)}`, { cause: error });
  }
  return {
    dir,
    resize: (size) => execFileSync('mount', ['-o', `remount,size=${size}`, dir], { stdio: 'pipe' }),
    unmount: () => {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
