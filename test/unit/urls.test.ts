/** The addresses `npm start` prints and `npm run invite` links to (server/urls.ts). */
import { describe, expect, it } from 'vitest';
import type { NetworkInterfaceInfo } from 'node:os';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { forgetRelayUrl, recordRelayUrl, relayUrls, runningRelayUrl, startMessage } from '../../server/urls.js';
import { tempDataDir } from '../helpers/relay-process.js';

const entry = (address: string, family: 'IPv4' | 'IPv6', internal: boolean) => ({ address, family, internal }) as NetworkInterfaceInfo;
const INTERFACES = {
  lo: [entry('127.0.0.1', 'IPv4', true), entry('::1', 'IPv6', true)],
  eth0: [entry('192.168.1.23', 'IPv4', false), entry('fe80::1', 'IPv6', false)],
  wlan0: [entry('10.0.0.7', 'IPv4', false)],
};

describe('relay addresses', () => {
  it('shows the address it listens on, loopback by default, IPv6 in brackets', () => {
    expect(relayUrls('127.0.0.1', 8080, false, INTERFACES)).toEqual({ main: 'http://127.0.0.1:8080', others: [] });
    expect(relayUrls('::1', 9000, true, INTERFACES).main).toBe('https://[::1]:9000');
    expect(relayUrls('192.168.1.23', 8080, false, INTERFACES).main).toBe('http://192.168.1.23:8080');
  });

  it('on every interface, leads with a network address and lists the rest', () => {
    const urls = relayUrls('0.0.0.0', 8080, false, INTERFACES);
    expect(urls).toEqual({
      main: 'http://192.168.1.23:8080',
      others: [{ url: 'http://10.0.0.7:8080' }, { url: 'http://127.0.0.1:8080', note: 'this machine only' }],
    });
    expect(startMessage(urls)).toBe(
      'Refinement board relay listening on http://192.168.1.23:8080\n' +
        'Also at http://10.0.0.7:8080, http://127.0.0.1:8080 (this machine only)\n' +
        'Plain HTTP: everything works but reloading a board with no network (README, "Without HTTPS")\n',
    );
    expect(startMessage(relayUrls('0.0.0.0', 8443, true, INTERFACES))).not.toContain('Plain HTTP');
    // A machine with no network: loopback it is.
    expect(relayUrls('::', 8080, false, { lo: INTERFACES.lo })).toEqual({ main: 'http://127.0.0.1:8080', others: [] });
  });

  it('remembers the running relay for npm run invite, and ignores a dead one', () => {
    const dataDir = tempDataDir();
    expect(runningRelayUrl(dataDir)).toBeNull();
    recordRelayUrl(dataDir, 'http://127.0.0.1:4321');
    expect(runningRelayUrl(dataDir)).toBe('http://127.0.0.1:4321');
    forgetRelayUrl(dataDir);
    expect(runningRelayUrl(dataDir)).toBeNull();
    // Left behind by a relay that was killed: its process is gone.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(dataDir, 'relay-url.json'), JSON.stringify({ url: 'http://127.0.0.1:1', pid: Number(dead) }));
    expect(runningRelayUrl(dataDir)).toBeNull();
  });

  it('makes DATA_DIR for the note when no SQLite store made it (cluster mode keeps boards in PostgreSQL)', () => {
    const dataDir = join(tempDataDir(), 'not', 'there', 'yet');
    recordRelayUrl(dataDir, 'http://127.0.0.1:4322');
    expect(runningRelayUrl(dataDir)).toBe('http://127.0.0.1:4322');
  });
});
