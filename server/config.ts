/**
 * Configuration from the environment. Every variable is documented in the
 * README; a bad value stops the relay at start with a message naming it.
 */
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import type { TrustProxy } from './client-address.js';
import { isLogLevel, type LogLevel } from './log.js';
import type { SyncMode } from './storage.js';
import { readTlsFiles, type TlsFiles } from './tls.js';

/** What an unset variable means; startRelay's options default to the same (relay.ts). */
export const DEFAULTS = { port: 8080, host: '127.0.0.1', dataDir: './data', maxMessageBytes: 16 * 1024 * 1024, unloadDelayMs: 2000 } as const;

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
  trustProxy: TrustProxy;
  /** HTTPS with this certificate and key (TLS_CERT_FILE, TLS_KEY_FILE). */
  tls: TlsFiles | undefined;
  /** Cluster mode: boards in PostgreSQL shared by several relays (docs/scale-out.md); undefined: SQLite. */
  cluster: ClusterConfig | undefined;
}

export interface ClusterConfig {
  /** DATABASE_URL, postgres://… */
  databaseUrl: string;
  /** RELAY_URL: how the other relays reach this one (ws:// or wss://); default ws://HOST:PORT once listening. */
  relayUrl: string | undefined;
  /** CLUSTER_SECRET: what relay-to-relay links prove they hold. */
  secret: string;
  /** CLUSTER_HEARTBEAT_MS and CLUSTER_OWNER_TIMEOUT_MS. */
  heartbeatMs: number;
  ownerTimeoutMs: number;
}

function readCluster(env: NodeJS.ProcessEnv): ClusterConfig | undefined {
  const databaseUrl = env.DATABASE_URL ?? '';
  if (databaseUrl === '') return undefined;
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL must be a postgres:// URL');
  const secret = env.CLUSTER_SECRET ?? '';
  if (secret.length < 32) throw new Error('with DATABASE_URL, CLUSTER_SECRET must be set, at least 32 characters, the same on every relay (for example: openssl rand -base64 32)');
  const relayUrl = env.RELAY_URL || undefined;
  if (relayUrl !== undefined && !/^wss?:\/\/[^/]+\/?$/.test(relayUrl)) throw new Error(`RELAY_URL must be ws://host:port or wss://host:port; got ${JSON.stringify(relayUrl)}`);
  const heartbeatMs = integer(env, 'CLUSTER_HEARTBEAT_MS', 500, 50, 60_000);
  const ownerTimeoutMs = integer(env, 'CLUSTER_OWNER_TIMEOUT_MS', 2000, 100, 10 * 60_000);
  if (ownerTimeoutMs < 3 * heartbeatMs) throw new Error('CLUSTER_OWNER_TIMEOUT_MS must be at least three heartbeats (CLUSTER_HEARTBEAT_MS)');
  return { databaseUrl, relayUrl, secret, heartbeatMs, ownerTimeoutMs };
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

function readLimits(env: NodeJS.ProcessEnv): Limits {
  const d = DEFAULT_LIMITS;
  return {
    messagesPerSecond: integer(env, 'MAX_MESSAGES_PER_SECOND', d.messagesPerSecond, 1, 1_000_000),
    bytesPerSecond: integer(env, 'MAX_BYTES_PER_SECOND', d.bytesPerSecond, 1024, 1024 ** 3),
    workMsPerSecond: integer(env, 'MAX_WORK_MS_PER_SECOND', d.workMsPerSecond, 1, 1000),
    addressWorkMsPerSecond: integer(env, 'MAX_ADDRESS_WORK_MS_PER_SECOND', d.addressWorkMsPerSecond, 1, 1000),
    updateEntries: integer(env, 'MAX_UPDATE_ENTRIES', d.updateEntries, 100, 100_000_000),
    presenceBytes: integer(env, 'MAX_PRESENCE_BYTES', d.presenceBytes, 1024, 1024 ** 3),
    connectionsPerAddress: integer(env, 'MAX_CONNECTIONS_PER_ADDRESS', d.connectionsPerAddress, 1, 1_000_000),
    handshakesPerAddress: integer(env, 'MAX_HANDSHAKES_PER_ADDRESS', d.handshakesPerAddress, 1, 1_000_000),
    handshakeTimeoutMs: integer(env, 'HANDSHAKE_TIMEOUT_MS', d.handshakeTimeoutMs, 100, 10 * 60 * 1000),
    maxLoadedBoards: integer(env, 'MAX_LOADED_BOARDS', d.maxLoadedBoards, 1, 10_000_000),
    maxSendBufferBytes: integer(env, 'MAX_SEND_BUFFER_BYTES', d.maxSendBufferBytes, 1024, 1024 ** 3),
    sendBufferBytesPerAddress: integer(env, 'MAX_ADDRESS_SEND_BUFFER_BYTES', d.sendBufferBytesPerAddress, 1024, 1024 ** 4),
    sendBufferBytesTotal: integer(env, 'MAX_TOTAL_SEND_BUFFER_BYTES', d.sendBufferBytesTotal, 1024, 1024 ** 4),
  };
}

/** TRUST_PROXY: true, false, or loopback (the default: trust X-Forwarded-For from a proxy on this machine only). */
function readTrustProxy(env: NodeJS.ProcessEnv): TrustProxy {
  if ((env.TRUST_PROXY ?? '') === '' || env.TRUST_PROXY === 'loopback') return 'loopback';
  return flag(env, 'TRUST_PROXY');
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const sync = env.SQLITE_SYNC ?? 'normal';
  if (sync !== 'normal' && sync !== 'full') throw new Error(`SQLITE_SYNC must be normal or full; got ${JSON.stringify(sync)}`);
  const logLevel = env.LOG_LEVEL ?? 'warn';
  if (!isLogLevel(logLevel)) throw new Error(`LOG_LEVEL must be debug, info, warn, error or silent; got ${JSON.stringify(logLevel)}`);
  return {
    port: integer(env, 'PORT', DEFAULTS.port, 0, 65535),
    host: env.HOST || DEFAULTS.host,
    dataDir: env.DATA_DIR || DEFAULTS.dataDir,
    maxMessageBytes: integer(env, 'MAX_MESSAGE_BYTES', DEFAULTS.maxMessageBytes, 1024, 1024 * 1024 * 1024),
    unloadDelayMs: integer(env, 'UNLOAD_DELAY_MS', DEFAULTS.unloadDelayMs, 0, 24 * 60 * 60 * 1000),
    sqliteSync: sync,
    logLevel,
    authSecret: readSecret(env),
    limits: readLimits(env),
    drainMs: integer(env, 'DRAIN_MS', 0, 0, 10 * 60 * 1000),
    maxStorageBytes: integer(env, 'MAX_STORAGE_BYTES', 0, 0, Number.MAX_SAFE_INTEGER),
    trustProxy: readTrustProxy(env),
    tls: readTlsFiles(env),
    cluster: readCluster(env),
  };
}
