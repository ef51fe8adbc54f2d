/**
 * Builds the client and the relay once before the tests, so that relay
 * processes run the current code and serve it to the browser tests.
 */
import { build } from 'vite';
import { buildRelay } from './helpers/relay-command.js';

export default async function setup(): Promise<void> {
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's
  // development build; the browser tests should see what users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, logLevel: 'warn', mode: 'production' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  buildRelay();
}
