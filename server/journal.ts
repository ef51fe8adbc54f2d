/**
 * The write-ahead journal: where an update becomes durable before the relay
 * forwards it. Appending is one `write()` to the end of a file (about 3 µs
 * on its own and 20 µs inside the relay here, against about 28 and 80 µs for
 * a SQLite commit of its own), and storage.ts moves the
 * journal's records into SQLite in batches, one transaction for many, then
 * empties the file. A record that was written survives a crash of the
 * process (the kernel holds it), as a commit in SQLite's WAL mode with
 * `synchronous=NORMAL` does; with `sync` the journal also flushes each
 * record to the disk, to survive a power loss.
 *
 * Record layout, little-endian, back to back:
 *
 *   u32 size of what follows the checksum | u32 CRC-32 of it | u16 board id length | board id (UTF-8) | update
 *
 * A write either lands whole or throws: a short write (a full disk) is cut
 * off again, and if even that fails the journal refuses every later record,
 * which recovery could not reach. A record left unreadable otherwise (a crash
 * in the middle of a write, a power loss, a flipped bit) ends recovery: what
 * follows it cannot be trusted to be framed right. Such a record was never
 * acknowledged to anyone unless the damage came after the write.
 */
import { closeSync, fdatasyncSync, fstatSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';

export interface JournalRecord {
  board: string;
  data: Uint8Array;
}

export interface Recovered {
  records: JournalRecord[];
  /** Bytes from the start of the file that hold those records. */
  readableBytes: number;
  /** Bytes after the last readable record, with why they could not be read; null when the file ended cleanly. */
  unreadable: { bytes: Uint8Array; reason: string } | null;
}

const HEADER_BYTES = 8;

export class Journal {
  private readonly fd: number;
  /** Bytes in the file: where the next record starts. */
  private size: number;
  /** Why appends are refused: the file is closed, or a failed write could not be cut off again. */
  private refused: string | null = null;

  constructor(
    readonly file: string,
    private readonly sync: boolean,
  ) {
    this.fd = openSync(file, 'a+');
    this.size = fstatSync(this.fd).size;
  }

  /** What an earlier process left in the file, oldest first. Call before the first append. */
  recover(): Recovered {
    const bytes = readFileSync(this.file);
    const records: JournalRecord[] = [];
    let offset = 0;
    const stop = (reason: string): Recovered => ({ records, readableBytes: offset, unreadable: { bytes: new Uint8Array(bytes.subarray(offset)), reason } });
    while (offset < bytes.byteLength) {
      if (bytes.byteLength - offset < HEADER_BYTES) return stop('a record header cut short');
      const length = bytes.readUInt32LE(offset);
      const checksum = bytes.readUInt32LE(offset + 4);
      const body = bytes.subarray(offset + HEADER_BYTES, offset + HEADER_BYTES + length);
      if (body.byteLength < length) return stop('a record cut short');
      if (crc32(body) !== checksum || length < 2) return stop('a record that fails its checksum');
      const boardLength = body.readUInt16LE(0);
      if (2 + boardLength > length) return stop('a record whose board id overruns it');
      records.push({ board: body.toString('utf8', 2, 2 + boardLength), data: new Uint8Array(body.subarray(2 + boardLength)) });
      offset += HEADER_BYTES + length;
    }
    return { records, readableBytes: offset, unreadable: null };
  }

  /** Writes one record; when this returns it is durable. Throws, having left the file as it was, if it cannot be written. */
  append(board: string, data: Uint8Array): void {
    if (this.refused !== null) throw new Error(`the journal takes no more records: ${this.refused}`);
    const boardLength = Buffer.byteLength(board);
    const length = 2 + boardLength + data.byteLength;
    const record = Buffer.allocUnsafe(HEADER_BYTES + length);
    record.writeUInt32LE(length, 0);
    record.writeUInt16LE(boardLength, HEADER_BYTES);
    record.write(board, HEADER_BYTES + 2, 'utf8');
    record.set(data, HEADER_BYTES + 2 + boardLength);
    record.writeUInt32LE(crc32(record.subarray(HEADER_BYTES)), 4);
    let written = 0;
    try {
      while (written < record.byteLength) written += writeSync(this.fd, record, written);
      if (this.sync) fdatasyncSync(this.fd);
    } catch (error) {
      try {
        if (written > 0) ftruncateSync(this.fd, this.size);
      } catch {
        // Half a record stays in the file and recovery would stop there: nothing written after it could be read back.
        this.refused = 'a failed write left part of a record that could not be removed';
      }
      throw error;
    }
    this.size += record.byteLength;
  }

  /** Bytes in the file. */
  get bytes(): number {
    return this.size;
  }

  /** Empties the file once every record in it is stored elsewhere. */
  clear(): void {
    this.truncate(0);
  }

  /** Cuts the file back to its first `bytes` (what recovery could read). */
  truncate(bytes: number): void {
    ftruncateSync(this.fd, bytes);
    this.size = bytes;
  }

  close(): void {
    if (this.refused === 'closed') return;
    this.refused = 'closed';
    closeSync(this.fd);
  }
}
