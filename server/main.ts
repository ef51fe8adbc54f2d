/**
 * `npm start`: reads the environment, starts the relay, and shuts it down
 * cleanly on SIGTERM or SIGINT (stop accepting, save, close sockets with
 * 1012, exit 0).
 */
import { readConfig } from './config.js';
import { createLogger } from './log.js';
import { startRelay } from './relay.js';

async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger(config.logLevel);
  const relay = await startRelay({ ...config, log });
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  process.stdout.write(`Refinement board relay listening on http://${shown}:${relay.port}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    relay.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('shutdown failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
