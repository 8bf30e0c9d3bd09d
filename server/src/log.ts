/**
 * Structured logs: one JSON object per line on stderr — `time` (ISO 8601), `level`, `msg`, then
 * the fields — so a collector can parse them without a pattern. stdout carries only the
 * "Rejse listening on …" line, which scripts and tests parse.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** Every level, most verbose first (the order LOG_LEVEL filters by). */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const satisfies readonly LogLevel[];

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line (e.g. the request id of one HTTP request). */
  child(fields: LogFields): Logger;
  /** Whether lines of this level are written (skip building costly fields otherwise). */
  enabled(level: Exclude<LogLevel, 'silent'>): boolean;
}

/** The keys every line has; a field of the same name is written with a `_` in front instead. */
const RESERVED = new Set(['time', 'level', 'msg']);

/** Errors become their stack (JSON.stringify would give `{}`); bigints their digits. */
function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  if (typeof value === 'bigint') return value.toString();
  return value;
}

function formatLine(level: string, message: string, context: LogFields, fields: LogFields | undefined): string {
  const line: LogFields = { time: new Date().toISOString(), level, msg: message };
  for (const source of [context, fields]) {
    if (!source) continue;
    for (const [key, value] of Object.entries(source)) line[RESERVED.has(key) ? `_${key}` : key] = value;
  }
  try {
    return `${JSON.stringify(line, replacer)}\n`;
  } catch {
    // A circular field must not cost the line (or throw into the caller).
    return `${JSON.stringify({ time: line.time, level, msg: message, fieldsError: 'fields could not be serialised' })}\n`;
  }
}

export function createLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stderr.write(line),
  context: LogFields = {},
): Logger {
  const threshold = ORDER[level];
  const at = (lineLevel: Exclude<LogLevel, 'silent'>) => (message: string, fields?: LogFields) => {
    if (ORDER[lineLevel] < threshold) return;
    write(formatLine(lineLevel, message, context, fields));
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (fields) => createLogger(level, write, { ...context, ...fields }),
    enabled: (lineLevel) => ORDER[lineLevel] >= threshold,
  };
}

export const silentLogger: Logger = createLogger('silent');
