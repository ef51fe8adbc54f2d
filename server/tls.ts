/**
 * HTTPS on the relay's own port: with TLS_CERT_FILE (a PEM certificate,
 * chain included) and TLS_KEY_FILE (its PEM private key) the relay serves
 * https:// and wss:// instead of http:// and ws://. Browsers give service
 * workers (offline reloads) only to secure contexts, which over a network
 * means HTTPS. Both files are read once, at start; a missing, unreadable or
 * mismatched file stops the relay with a message naming it.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createSecureContext } from 'node:tls';

export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

/** Both variables or neither. */
export function readTlsFiles(env: NodeJS.ProcessEnv): TlsFiles | undefined {
  const certFile = env.TLS_CERT_FILE || undefined;
  const keyFile = env.TLS_KEY_FILE || undefined;
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (certFile === undefined) throw new Error('TLS_KEY_FILE is set but TLS_CERT_FILE is not: HTTPS needs both the certificate and its key');
  if (keyFile === undefined) throw new Error('TLS_CERT_FILE is set but TLS_KEY_FILE is not: HTTPS needs both the certificate and its key');
  return { certFile, keyFile };
}

const WHY: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'a directory, not a file' };

function read(variable: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new Error(`${variable}: cannot read ${path} (${WHY[code] ?? (error as Error).message})`, { cause: error });
  }
}

function loadTls({ certFile, keyFile }: TlsFiles): { cert: Buffer; key: Buffer } {
  const cert = read('TLS_CERT_FILE', certFile);
  const key = read('TLS_KEY_FILE', keyFile);
  if (!cert.includes('-----BEGIN CERTIFICATE-----')) throw new Error(`TLS_CERT_FILE: ${certFile} holds no PEM certificate`);
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key.toString('latin1'))) throw new Error(`TLS_KEY_FILE: ${keyFile} holds no PEM private key`);
  try {
    createSecureContext({ cert, key });
  } catch (error) {
    throw new Error(`TLS_CERT_FILE (${certFile}) and TLS_KEY_FILE (${keyFile}) are not a certificate and its key: ${(error as Error).message}`, { cause: error });
  }
  return { cert, key };
}

/** The relay's server: HTTPS with `tls`, else plain HTTP. */
export function createServer(tls: TlsFiles | undefined, listener: RequestListener): Server {
  return tls === undefined ? createHttpServer(listener) : createHttpsServer(loadTls(tls), listener);
}
