/** The parent's handle on a load-generator process (bench/load-worker.ts). */
import { fork, type ChildProcess } from 'node:child_process';
import type { Job } from './load-worker.js';

export interface LoadWorker {
  run<T>(job: Job): Promise<T>;
  stop(): void;
}

export function startWorker(): LoadWorker {
  const child: ChildProcess = fork(new URL('./load-worker.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx', '--max-old-space-size=8192'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    run<T>(job: Job): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        child.once('message', (reply: { ok: boolean; result?: T; error?: string }) => (reply.ok ? resolve(reply.result as T) : reject(new Error(reply.error))));
        child.send(job);
      });
    },
    stop: () => void child.kill('SIGKILL'),
  };
}
