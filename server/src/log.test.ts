import { describe, expect, it } from 'vitest';
import { createLogger } from './log.ts';

function capture(level: Parameters<typeof createLogger>[0]) {
  const lines: string[] = [];
  const log = createLogger(level, (line) => lines.push(line));
  return { log, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('JSON logs', () => {
  it('each line is one JSON object with time, level, msg and the fields', () => {
    const { log, lines, parsed } = capture('info');
    log.info('board loaded', { board: 'b1', rows: 3 });
    expect(lines[0]?.endsWith('\n')).toBe(true);
    expect(lines[0]?.trimEnd().includes('\n')).toBe(false);
    const [line] = parsed();
    expect(line).toMatchObject({ level: 'info', msg: 'board loaded', board: 'b1', rows: 3 });
    expect(new Date(String(line?.time)).toISOString()).toBe(line?.time);
  });

  it('lines below the level are not written', () => {
    const { log, parsed } = capture('warn');
    log.debug('a');
    log.info('b');
    log.warn('c');
    log.error('d');
    expect(parsed().map((l) => l.msg)).toEqual(['c', 'd']);
    expect(log.enabled('info')).toBe(false);
    expect(log.enabled('error')).toBe(true);
  });

  it('a child adds its fields to every line; the line own fields cannot overwrite time, level or msg', () => {
    const { log, parsed } = capture('debug');
    const child = log.child({ requestId: 'r-1' });
    child.debug('one', { msg: 'sneaky', level: 'error' });
    child.child({ board: 'b' }).info('two');
    expect(parsed()).toEqual([
      expect.objectContaining({ level: 'debug', msg: 'one', requestId: 'r-1', _msg: 'sneaky', _level: 'error' }),
      expect.objectContaining({ level: 'info', msg: 'two', requestId: 'r-1', board: 'b' }),
    ]);
  });

  it('an error field keeps its stack; a circular field costs the fields, not the line', () => {
    const { log, parsed } = capture('info');
    log.error('failed', { error: new Error('disk full') });
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    log.warn('odd', { circular });
    const [failed, odd] = parsed();
    expect(String(failed?.error)).toContain('Error: disk full');
    expect(odd).toMatchObject({ level: 'warn', msg: 'odd', fieldsError: 'fields could not be serialised' });
  });
});
