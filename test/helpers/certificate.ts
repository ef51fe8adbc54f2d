/**
 * A self-signed P-256 certificate for the HTTPS tests, made by openssl at
 * test time: valid for 127.0.0.1, localhost and lan.test (the host name the
 * browser tests map to 127.0.0.1). `spki` is what Chromium's
 * --ignore-certificate-errors-spki-list takes to trust exactly this one.
 */
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificate {
  certFile: string;
  keyFile: string;
  cert: Buffer;
  /** base64 SHA-256 of the certificate's public key (SubjectPublicKeyInfo). */
  spki: string;
}

export function makeCertificate(dir = mkdtempSync(join(tmpdir(), 'relay-tls-')), name = 'relay'): TestCertificate {
  const certFile = join(dir, `${name}.crt`);
  const keyFile = join(dir, `${name}.key`);
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:lan.test',
    '-keyout', keyFile, '-out', certFile,
  ], { stdio: 'ignore' });
  const cert = readFileSync(certFile);
  const der = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
  return { certFile, keyFile, cert, spki: createHash('sha256').update(der).digest('base64') };
}
