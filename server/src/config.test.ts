import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, ENVIRONMENT_VARIABLES, loadConfig, SERVER_LIMITS, unknownRejseVariables } from './config.ts';

/** A machine with one LAN address besides loopback. */
const addresses = () => ['127.0.0.1', '::1', '10.1.2.3', 'fe80::1'];
const load = (env: Record<string, string | undefined>) => loadConfig(env, '/srv/rejse', addresses);

function problems(env: Record<string, string | undefined>): { variable: string; message: string }[] {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('environment', () => {
  it('nothing set gives the documented defaults', () => {
    const config = load({});
    expect(config).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      dataDir: path.resolve('/srv/rejse', 'data'),
      nodeEnv: 'development',
      serveClient: false,
      logLevel: 'info',
      compactAfterUpdates: SERVER_LIMITS.compactAfterUpdates,
      adminToken: null,
      metricsToken: null,
      boardMaxBytes: SERVER_LIMITS.boardBytes,
      boardMaxCards: SERVER_LIMITS.boardCards,
      createPerMinute: SERVER_LIMITS.boardCreationsPerMinute,
      importPerMinute: SERVER_LIMITS.boardImportsPerMinute,
      shutdownTimeoutMs: SERVER_LIMITS.shutdownTimeoutMs,
    });
  });

  it('a blank variable (KEY= in a compose or .env file) means the default', () => {
    expect(load({ PORT: ' ', REJSE_ADMIN_TOKEN: '', LOG_LEVEL: '' })).toMatchObject({
      port: 8787,
      adminToken: null,
      logLevel: 'info',
    });
  });

  it('good values are taken', () => {
    const config = load({
      PORT: '0',
      HOST: '10.1.2.3',
      DATA_DIR: 'state',
      NODE_ENV: 'production',
      LOG_LEVEL: 'debug',
      REJSE_METRICS_TOKEN: 'm'.repeat(32),
      BOARD_MAX_CARDS: '50',
      REJSE_SHUTDOWN_TIMEOUT_MS: '2500',
    });
    expect(config).toMatchObject({
      port: 0,
      host: '10.1.2.3',
      dataDir: path.resolve('/srv/rejse', 'state'),
      serveClient: true,
      logLevel: 'debug',
      metricsToken: 'm'.repeat(32),
      boardMaxCards: 50,
      shutdownTimeoutMs: 2500,
    });
  });

  it.each([
    ['PORT', 'abc', 'whole number from 0 to 65535'],
    ['PORT', '70000', 'whole number from 0 to 65535'],
    ['PORT', '80.5', 'whole number'],
    ['NODE_ENV', 'prod', 'one of production, development, test'],
    ['LOG_LEVEL', 'loud', 'one of debug, info, warn, error, silent'],
    ['COMPACT_THRESHOLD', '0', 'whole number from 1'],
    ['BOARD_MAX_BYTES', String(SERVER_LIMITS.boardBytes + 1), 'whole number from 1024'],
    ['BOARD_MAX_CARDS', '-1', 'whole number'],
    ['REJSE_RATE_LIMIT_CREATE', 'many', 'whole number'],
    ['REJSE_RATE_LIMIT_IMPORT', '1e3', 'whole number'],
    ['REJSE_SHUTDOWN_TIMEOUT_MS', '10', 'whole number from 100'],
    ['HOST', '203.0.113.7', 'not an address of this machine'],
    ['HOST', 'not a host', 'must be an IP address of this machine'],
    ['HOST', 'exa_mple.com', 'must be an IP address of this machine'],
  ])('%s=%s stops the start with a message naming it', (variable, value, expected) => {
    const found = problems({ [variable]: value });
    expect(found).toHaveLength(1);
    expect(found[0]?.variable).toBe(variable);
    expect(found[0]?.message).toMatch(new RegExp(`^${variable} `));
    expect(found[0]?.message).toContain(expected);
    expect(found[0]?.message).toContain(JSON.stringify(value));
  });

  it('every bad variable is named, not only the first', () => {
    expect(problems({ PORT: 'x', LOG_LEVEL: 'y', NODE_ENV: 'z' }).map((p) => p.variable)).toEqual(['PORT', 'NODE_ENV', 'LOG_LEVEL']);
  });

  it('a bad secret is named but never echoed', () => {
    for (const variable of ['REJSE_ADMIN_TOKEN', 'REJSE_METRICS_TOKEN']) {
      const [problem] = problems({ [variable]: 'short secret!' });
      expect(problem?.variable).toBe(variable);
      expect(problem?.message).toContain('24 to 256 characters');
      expect(problem?.message).not.toContain('short secret');
    }
  });

  it.each(['0.0.0.0', '::', '127.0.0.1', '127.0.0.2', '::1', '10.1.2.3', '[fe80::1]', 'localhost', 'rejse.internal', 'node-1'])(
    'HOST=%s is accepted (every interface, loopback, an address of this machine, a host name)',
    (host) => {
      expect(load({ HOST: host }).host).toBe(host.replace(/^\[|\]$/g, ''));
    },
  );

  it('the scale-out variables: PostgreSQL and Redis URLs checked (never echoed), snapshot limits in range', () => {
    const config = load({
      DATABASE_URL: 'postgresql://rejse:pw@db:5432/rejse',
      REDIS_URL: 'redis://cache:6379',
      REJSE_SNAPSHOTS_PER_BOARD: '50',
      REJSE_SNAPSHOT_INTERVAL_MINUTES: '5',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgresql://rejse:pw@db:5432/rejse',
      redisUrl: 'redis://cache:6379',
      snapshotsPerBoard: 50,
      snapshotIntervalMs: 5 * 60_000,
    });
    expect(load({})).toMatchObject({
      databaseUrl: null,
      redisUrl: null,
      snapshotsPerBoard: SERVER_LIMITS.snapshotsPerBoard,
    });
    const problems = (env: Record<string, string>) => {
      try {
        load(env);
      } catch (error) {
        if (error instanceof ConfigError) return error.problems.map((problem) => problem.message);
      }
      return [];
    };
    const redisAlone = problems({ REDIS_URL: 'redis://:secret-pw@cache' });
    expect(redisAlone).toEqual([expect.stringMatching(/^REDIS_URL needs DATABASE_URL/)]);
    const wrongScheme = problems({ DATABASE_URL: 'mysql://u:secret-pw@db/rejse', REJSE_SNAPSHOTS_PER_BOARD: '0' });
    expect(wrongScheme).toHaveLength(2);
    expect(wrongScheme.join('\n')).toMatch(/DATABASE_URL must start with postgres:\/\//);
    expect(wrongScheme.join('\n')).toMatch(/REJSE_SNAPSHOTS_PER_BOARD must be a whole number/);
    expect([...redisAlone, ...wrongScheme].join('\n')).not.toContain('secret-pw');
  });

  it('REJSE_ variables nobody reads are reported (a typo would otherwise leave the default)', () => {
    expect(unknownRejseVariables({ REJSE_ADMIN_TOKEN: 'x', REJSE_RATE_LIMT_CREATE: '5', PATH: '/bin' })).toEqual([
      'REJSE_RATE_LIMT_CREATE',
    ]);
    expect(ENVIRONMENT_VARIABLES).toContain('REJSE_METRICS_TOKEN');
  });
});
