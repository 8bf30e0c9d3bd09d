/**
 * Entry point: `node dist/main.js` once built (`node --import tsx src/main.ts` in development).
 * Checks the environment (a bad variable: one log line naming it, exit code 78), starts the
 * server, prints exactly one line to stdout — "Rejse listening on http://HOST:PORT" — and on
 * SIGTERM/SIGINT shuts down gracefully within REJSE_SHUTDOWN_TIMEOUT_MS: exit 0 when done,
 * 1 when it took too long or failed. Logs are JSON lines on stderr (log.ts).
 */
import { ConfigError, EXIT_CONFIG, loadConfig, unknownRejseVariables, type ServerConfig } from './config.ts';
import { createLogger, type Logger } from './log.ts';
import { startRejseServer, type RejseServer } from './server.ts';
import { DatabaseInUseError } from './storage/sqlite-store.ts';

/** One line per bad variable, then exit: the process never starts on a value nobody meant. */
function exitOnConfigError(log: Logger, error: ConfigError): never {
  for (const problem of error.problems) log.error(`invalid configuration: ${problem.message}`, { variable: problem.variable });
  process.exit(EXIT_CONFIG);
}

function readConfig(): { config: ServerConfig; log: Logger } {
  try {
    const config = loadConfig(process.env);
    return { config, log: createLogger(config.logLevel) };
  } catch (error) {
    if (error instanceof ConfigError) exitOnConfigError(createLogger('info'), error);
    throw error;
  }
}

function handleSignals(server: RejseServer, config: ServerConfig, log: Logger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn('second signal during shutdown, exiting without waiting', { signal });
      process.exit(1);
    }
    stopping = true;
    const started = performance.now();
    log.info('shutting down', { signal, timeoutMs: config.shutdownTimeoutMs });
    setTimeout(() => {
      log.error('shutdown did not finish in time, exiting anyway', { timeoutMs: config.shutdownTimeoutMs });
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    server.close().then(
      () => {
        log.info('shut down', { ms: Math.round(performance.now() - started) });
        process.exit(0);
      },
      (error: unknown) => {
        log.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<void> {
  const { config, log } = readConfig();
  process.on('uncaughtException', (error) => {
    // Everything clients sent is stored before it was broadcast: exiting loses nothing acknowledged.
    log.error('uncaught exception, exiting', { error });
    process.exit(1);
  });
  for (const name of unknownRejseVariables(process.env)) {
    log.warn('an environment variable the server does not read (a typo?)', { variable: name });
  }
  let server: RejseServer;
  try {
    server = await startRejseServer(config, { log });
  } catch (error) {
    if (error instanceof ConfigError) exitOnConfigError(log, error);
    // One process per DATA_DIR: the second one stops here, before listening, with exit code 1.
    if (error instanceof DatabaseInUseError) {
      log.error(`could not start: ${error.message}`, { dataDir: config.dataDir });
      process.exit(1);
    }
    throw error;
  }
  process.stdout.write(`Rejse listening on ${server.url}\n`);
  log.info('started', {
    url: server.url,
    storage: config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : config.dataDir,
    client: config.serveClient ? config.clientDist : 'not served (NODE_ENV is not production)',
    pid: process.pid,
  });
  handleSignals(server, config, log);
}

main().catch((error: unknown) => {
  createLogger('info').error('could not start', { error });
  process.exit(1);
});
