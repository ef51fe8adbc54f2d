/**
 * Configuration from the environment. Every variable is documented in the
 * README; a bad value stops the relay at start with a message naming it.
 */
import { DEFAULT_LIMITS, type Limits } from './limits.js';
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
  /** Invites required when set (access.ts). */
  authSecret: string | undefined;
  limits: Limits;
  drainMs: number;
  /** 0: no quota. */
  maxStorageBytes: number;
  trustProxy: boolean;
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

function readSecret(env: NodeJS.ProcessEnv): string | undefined {
  const secret = env.AUTH_SECRET;
  if (secret === undefined || secret === '') return undefined;
  if (secret.length < 32) throw new Error('AUTH_SECRET must be at least 32 characters (for example: openssl rand -base64 32)');
  return secret;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name] ?? '';
  if (raw === '' || raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  throw new Error(`${name} must be true or false; got ${JSON.stringify(raw)}`);
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
    authSecret: readSecret(env),
    limits: {
      messagesPerSecond: integer(env, 'MAX_MESSAGES_PER_SECOND', DEFAULT_LIMITS.messagesPerSecond, 1, 1_000_000),
      bytesPerSecond: integer(env, 'MAX_BYTES_PER_SECOND', DEFAULT_LIMITS.bytesPerSecond, 1024, 1024 ** 3),
      connectionsPerAddress: integer(env, 'MAX_CONNECTIONS_PER_ADDRESS', DEFAULT_LIMITS.connectionsPerAddress, 1, 1_000_000),
      maxLoadedBoards: integer(env, 'MAX_LOADED_BOARDS', DEFAULT_LIMITS.maxLoadedBoards, 1, 10_000_000),
      maxSendBufferBytes: integer(env, 'MAX_SEND_BUFFER_BYTES', DEFAULT_LIMITS.maxSendBufferBytes, 1024, 1024 ** 3),
    },
    drainMs: integer(env, 'DRAIN_MS', 0, 0, 10 * 60 * 1000),
    maxStorageBytes: integer(env, 'MAX_STORAGE_BYTES', 0, 0, Number.MAX_SAFE_INTEGER),
    trustProxy: flag(env, 'TRUST_PROXY'),
  };
}
