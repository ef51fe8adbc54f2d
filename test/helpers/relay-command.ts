/**
 * The relay as `npm start` runs it: the bundle `npm run build:relay` makes,
 * started with the Node flags of the start script. Integration tests and
 * benchmarks start exactly this, so that they measure what users run.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const ROOT = new URL('../..', import.meta.url).pathname;

/** Bundles the relay's current source into dist/ (esbuild, well under a second). */
export function buildRelay(): void {
  execFileSync('npm', ['run', '--silent', 'build:relay'], { cwd: ROOT, stdio: 'inherit' });
}

/** What follows `node` in the start script: its flags, then the bundle, relative to the repository. */
export function relayNodeArgs(): string[] {
  const start = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: { start: string } }).scripts.start;
  const [node, ...args] = start.trim().split(/\s+/);
  if (node !== 'node' || args.length === 0) throw new Error(`the start script should be "node [flags] <file>", not "${start}"`);
  return args;
}
