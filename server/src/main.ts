/**
 * Entry point: `node --import tsx src/main.ts`. Reads the environment (see CONTEXT.md),
 * starts the server, prints exactly one line to stdout — "Rejse listening on http://HOST:PORT"
 * — and on SIGINT/SIGTERM compacts every loaded board and closes the database before exiting.
 */
import { ConfigError, loadConfig } from './config.ts';
import { createLogger, isLogLevel } from './log.ts';
import { startRejseServer } from './server.ts';
import { DatabaseInUseError } from './storage/sqlite-store.ts';

const log = createLogger(isLogLevel(process.env.LOG_LEVEL) ? process.env.LOG_LEVEL : 'info');

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const server = await startRejseServer(config, { log });
  process.stdout.write(`Rejse listening on ${server.url}\n`);
  log.info('started', {
    storage: config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : config.dataDir,
    client: config.serveClient ? config.clientDist : 'not served (NODE_ENV is not production)',
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn(`${signal} again, exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    log.info(`${signal} received, shutting down`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) log.error(`configuration error: ${error.message}`);
  // One process per DATA_DIR: the second one stops here, before listening, with exit code 1.
  else if (error instanceof DatabaseInUseError) log.error(`could not start: ${error.message}`);
  else log.error('could not start', { error });
  process.exit(1);
});
