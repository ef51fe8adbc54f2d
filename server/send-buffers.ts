/**
 * What waits in send buffers, bounded per address and in all. Each socket
 * is already capped (MAX_SEND_BUFFER_BYTES, checked on every send in
 * connection.ts), but many sockets that stop reading could each keep that
 * much. A sweep every SWEEP_MS sums the buffers per address and in total,
 * and closes the sockets holding most until both sums are under their caps.
 * Between sweeps memory can pass a cap by what the relay sends in SWEEP_MS.
 */
export interface Buffered {
  readonly address: string;
  /** Bytes queued for this socket and not yet handed to the kernel. */
  bufferedBytes(): number;
  /** Closes it for not reading (1013) and frees its buffer. */
  closeForBuffer(limit: 'address-send-buffer' | 'total-send-buffer'): void;
}

export const SWEEP_MS = 200;

export function sweepSendBuffers(connections: Iterable<Buffered>, perAddress: number, total: number): void {
  const byAddress = new Map<string, { sum: number; sockets: [Buffered, number][] }>();
  let all = 0;
  const holding: [Buffered, number][] = [];
  for (const connection of connections) {
    const bytes = connection.bufferedBytes();
    if (bytes === 0) continue;
    all += bytes;
    holding.push([connection, bytes]);
    const entry = byAddress.get(connection.address) ?? { sum: 0, sockets: [] };
    entry.sum += bytes;
    entry.sockets.push([connection, bytes]);
    byAddress.set(connection.address, entry);
  }
  const closed = new Set<Buffered>();
  for (const { sum, sockets } of byAddress.values()) {
    let over = sum - perAddress;
    if (over <= 0) continue;
    for (const [connection, bytes] of sockets.sort((a, b) => b[1] - a[1])) {
      if (over <= 0) break;
      connection.closeForBuffer('address-send-buffer');
      closed.add(connection);
      over -= bytes;
      all -= bytes;
    }
  }
  let over = all - total;
  for (const [connection, bytes] of holding.sort((a, b) => b[1] - a[1])) {
    if (over <= 0) break;
    if (closed.has(connection)) continue;
    connection.closeForBuffer('total-send-buffer');
    over -= bytes;
  }
}
