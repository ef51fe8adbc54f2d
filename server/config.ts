/**
 * Configuration from the environment. Every variable is documented in the
 * README; a bad value stops the relay at start with a message naming it.
 */
import { isLogLevel, type LogLevel } from './log.js';
import type { SyncMode } from './storage.js';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  maxMessageBytes: number;
  unloadDelayMs: number;
  sqliteSync: SyncMode;
  logLevel: LogLevel;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}; got ${JSON.stringify(raw)}`);
  }
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const sync = env.SQLITE_SYNC ?? 'normal';
  if (sync !== 'normal' && sync !== 'full') throw new Error(`SQLITE_SYNC must be normal or full; got ${JSON.stringify(sync)}`);
  const logLevel = env.LOG_LEVEL ?? 'warn';
  if (!isLogLevel(logLevel)) throw new Error(`LOG_LEVEL must be debug, info, warn, error or silent; got ${JSON.stringify(logLevel)}`);
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir: env.DATA_DIR || './data',
    maxMessageBytes: integer(env, 'MAX_MESSAGE_BYTES', 16 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    unloadDelayMs: integer(env, 'UNLOAD_DELAY_MS', 2000, 0, 24 * 60 * 60 * 1000),
    sqliteSync: sync,
    logLevel,
  };
}
