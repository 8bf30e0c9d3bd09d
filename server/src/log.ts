/**
 * A tiny logger writing one line per event to stderr (stdout carries only the
 * "Rejse listening on …" line, which scripts and tests parse).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(message: string, details?: Record<string, unknown>): void;
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export const isLogLevel = (value: unknown): value is LogLevel =>
  typeof value === 'string' && Object.hasOwn(ORDER, value);

function describe(value: unknown): unknown {
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  return value;
}

export function createLogger(level: LogLevel = 'info', write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  const at = (lineLevel: Exclude<LogLevel, 'silent'>) => (message: string, details?: Record<string, unknown>) => {
    if (ORDER[lineLevel] < ORDER[level]) return;
    let suffix = '';
    if (details) {
      const entries = Object.entries(details).map(([key, value]) => [key, describe(value)] as const);
      suffix = ` ${JSON.stringify(Object.fromEntries(entries))}`;
    }
    write(`${new Date().toISOString()} ${lineLevel} ${message}${suffix}\n`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export const silentLogger: Logger = createLogger('silent');
