/**
 * The relay's counters, served as `GET /metrics` in the Prometheus text
 * format. Each relay has its own registry (tests run several in one process).
 */
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { HotCounter, HotHistogram } from './hot-metrics.js';

const SECONDS_BUCKETS = [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1];

export type LimitName =
  | 'messages'
  | 'bytes'
  | 'work'
  | 'address-work'
  | 'update-entries'
  | 'presence-size'
  | 'connections-per-address'
  | 'handshakes-per-address'
  | 'handshake-timeout'
  | 'send-buffer'
  | 'address-send-buffer'
  | 'total-send-buffer';

export class Metrics {
  readonly registry = new Registry();
  readonly connections = new Gauge({ name: 'relay_connections', help: 'Open WebSocket connections', registers: [this.registry] });
  readonly boardsLoaded = new Gauge({ name: 'relay_boards_loaded', help: 'Boards held in memory', registers: [this.registry] });
  // Touched on every message and update: hot-metrics.ts.
  readonly messagesIn = new HotCounter('relay_messages_in_total', 'WebSocket messages received', this.registry);
  readonly bytesIn = new HotCounter('relay_bytes_in_total', 'WebSocket message bytes received', this.registry);
  readonly messagesOut = new HotCounter('relay_messages_out_total', 'WebSocket messages sent', this.registry);
  readonly bytesOut = new HotCounter('relay_bytes_out_total', 'WebSocket message bytes sent', this.registry);
  readonly applySeconds = new HotHistogram(
    'relay_update_apply_seconds',
    'Time to validate and apply one document update (storage write included)',
    this.registry,
    SECONDS_BUCKETS,
  );
  readonly storageWriteSeconds = new HotHistogram('relay_storage_write_seconds', 'Time to make one update durable (its write to the journal)', this.registry, SECONDS_BUCKETS);
  readonly storageErrors = new Counter({ name: 'relay_storage_errors_total', help: 'Failed storage writes: an update refused, or journaled updates not yet moved into the database (tried again each second)', registers: [this.registry] });
  readonly quarantinedRows = new Counter({
    name: 'relay_quarantined_rows_total',
    help: 'Stored updates that could not be read, moved aside so that their boards load',
    registers: [this.registry],
  });
  // Cluster mode (DATABASE_URL, docs/scale-out.md); zero on a relay of its own.
  readonly fencedWrites = new Counter({ name: 'relay_fenced_writes_total', help: 'Writes refused because another relay had claimed the board (its clients were sent to resync)', registers: [this.registry] });
  readonly boardsOwned = new Gauge({ name: 'relay_boards_owned', help: 'Boards this relay owns (commits and fans out) in cluster mode', registers: [this.registry] });
  readonly ownershipClaims = new Counter({
    name: 'relay_ownership_claims_total',
    help: 'Boards this relay claimed: new (no owner), stale (owner missed its heartbeats), unreachable (owner refused the link), own (claimed again)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly forwardedMessages = new Counter({
    name: 'relay_forwarded_messages_total',
    help: 'Client messages forwarded over relay-to-relay links: to-owner (from clients here), from-owner (to clients here)',
    labelNames: ['direction'] as const,
    registers: [this.registry],
  });
  readonly clusterLinks = new Gauge({ name: 'relay_cluster_links', help: 'Open links to other relays', registers: [this.registry] });
  readonly databaseUp = new Gauge({ name: 'relay_database_up', help: '1 while the relay reaches PostgreSQL (its last heartbeat succeeded), else 0', registers: [this.registry] });
  readonly evictions = new Counter({ name: 'relay_evictions_total', help: 'Boards unloaded to stay under MAX_LOADED_BOARDS', registers: [this.registry] });
  readonly limitCloses = new Counter({
    name: 'relay_limit_closes_total',
    help: 'Connections closed or refused for going over a limit',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });
  readonly droppedUpdates = new Counter({
    name: 'relay_dropped_updates_total',
    help: "Updates dropped because the sender's role may not make them",
    labelNames: ['role'] as const,
    registers: [this.registry],
  });
  readonly refusedUpgrades = new Counter({
    name: 'relay_refused_upgrades_total',
    help: 'WebSocket upgrades refused before any room was opened',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  limitClose(limit: LimitName): void {
    this.limitCloses.inc({ limit });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
