/**
 * Parsing an import off the main thread: a 10,000-row export takes a second
 * or more to read, and the page must keep answering meanwhile. Cancelling
 * terminates the worker.
 */
import { decodeImportBytes, parseImport, type ImportPlan, type ParseOptions } from '../../shared/import/index.js';

export interface ParseRequest extends Omit<ParseOptions, 'fileName'> {
  bytes: ArrayBuffer;
  fileName: string;
}

export type ParseReply = { ok: true; plan: ImportPlan } | { ok: false; error: string };

self.onmessage = (event: MessageEvent<ParseRequest>) => {
  const { bytes, ...options } = event.data;
  let reply: ParseReply;
  try {
    reply = { ok: true, plan: parseImport(decodeImportBytes(new Uint8Array(bytes)), options) };
  } catch (error) {
    reply = { ok: false, error: (error as Error).message };
  }
  self.postMessage(reply);
};
