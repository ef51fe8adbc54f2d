/** A Redis server for a benchmark: Debian's redis-server on a Unix socket in a temporary directory, no persistence. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function startRedis(): Promise<{ socket: string; stop(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-redis-'));
  const socket = join(dir, 'redis.sock');
  const child = spawn('redis-server', ['--port', '0', '--unixsocket', socket, '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  child.once('error', () => {});
  for (let i = 0; i < 200 && !existsSync(socket); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!existsSync(socket)) throw new Error('redis-server did not start (apt-get install -y redis-server)');
  return {
    socket,
    stop() {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
