/**
 * Builds the client once before the tests, so that relay processes serve
 * the current code to the browser tests.
 */
import { build } from 'vite';

export default async function setup(): Promise<void> {
  await build({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
}
