/**
 * `npm start`: reads the environment, starts the relay, and shuts it down
 * cleanly on SIGTERM or SIGINT (stop accepting, save, close sockets with
 * 1012, exit 0).
 */
import { readConfig } from './config.js';
import { createLogger } from './log.js';
import { startRelay } from './relay.js';
import { forgetRelayUrl, recordRelayUrl, relayUrls, startMessage } from './urls.js';

async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger(config.logLevel);
  const relay = await startRelay({ ...config, log });
  const urls = relayUrls(config.host, relay.port, config.tls !== undefined);
  try {
    recordRelayUrl(config.dataDir, urls.main);
  } catch (error) {
    log.warn('could not note the relay address for npm run invite', { error: String(error) });
  }
  process.stdout.write(startMessage(urls));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    forgetRelayUrl(config.dataDir);
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
