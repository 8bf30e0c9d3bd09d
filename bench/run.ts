/**
 * Load benchmark: Rejse's server against the stock y-websocket server and Hocuspocus, each in
 * its own process on 127.0.0.1, driven by headless Yjs clients in this process.
 *
 *   node --expose-gc --import tsx run.ts [--short] [--only rejse,ywebsocket,hocuspocus]
 *                                        [--scenario one-room,many-rooms,cold-join]
 *
 * Exits 0 when every scenario ran (the figures are measurements, not verdicts), 1 when a server
 * failed to start or a scenario errored, 2 on the overall timeout.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { destroyOpenClients } from './lib/clients.ts';
import { FULL, SHORT, type BenchConfig } from './lib/config.ts';
import { markdownTable, RATIO_LEGEND, ratio, textTable, type ServerValues } from './lib/report.ts';
import {
  describePersistence,
  getRejseRoot,
  idleRuntimeRss,
  killAllServers,
  repoRoot,
  RssSampler,
  SERVER_KINDS,
  SERVER_LABELS,
  setRejseRoot,
  startServer,
  type ServerKind,
} from './lib/servers.ts';
import { MiB, sleep } from './lib/stats.ts';
import { SCENARIO_IDS, SCENARIOS, type ScenarioId } from './scenarios.ts';

function parseList<T extends string>(raw: string | undefined, allowed: readonly T[], what: string): T[] {
  if (!raw) return [...allowed];
  const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of items) {
    if (!allowed.includes(item as T)) throw new Error(`unknown ${what} "${item}" (one of: ${allowed.join(', ')})`);
  }
  return allowed.filter((a) => items.includes(a));
}

const { values: args } = parseArgs({
  options: {
    short: { type: 'boolean', default: false },
    only: { type: 'string' },
    scenario: { type: 'string' },
    out: { type: 'string' },
    'rejse-root': { type: 'string' },
  },
});
if (args['rejse-root']) setRejseRoot(args['rejse-root']);
const config: BenchConfig = args.short ? SHORT : FULL;
const kinds: ServerKind[] = parseList(args.only, SERVER_KINDS, 'server');
const scenarioIds: ScenarioId[] = parseList(args.scenario, SCENARIO_IDS, 'scenario');
const outFile = path.resolve(args.out ?? path.join(repoRoot, 'bench/results/latest.json'));

const log = (line: string) => console.log(line);

function machine() {
  const tryRun = (cmd: string) => {
    try {
      return execSync(cmd, { encoding: 'utf8', timeout: 5000 }).trim();
    } catch {
      return undefined;
    }
  };
  const root = getRejseRoot();
  return {
    rejseRoot: root,
    rejseCommit: tryRun(`git -C ${JSON.stringify(root)} rev-parse --short HEAD`) ?? 'not a git checkout',
    rejseServerChanges: tryRun(`git -C ${JSON.stringify(root)} status --porcelain -- server shared templates`)?.split('\n').filter(Boolean).length ?? 0,
    nproc: tryRun('nproc') ?? String(os.cpus().length),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memory: tryRun('free -h') ?? `${(os.totalmem() / MiB).toFixed(0)} MiB total`,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  };
}

let exiting = false;
function shutdown(code: number, why?: string): never {
  if (why) console.error(why);
  exiting = true;
  killAllServers();
  process.exit(code);
}
// Every y-websocket provider adds its own process 'exit' listener (to say goodbye to peers);
// a thousand clients are expected here, not a leak.
process.setMaxListeners(0);
process.on('exit', () => killAllServers());
process.on('SIGINT', () => shutdown(130, 'interrupted'));
process.on('SIGTERM', () => shutdown(143, 'terminated'));
process.on('uncaughtException', (error) => shutdown(1, `uncaught: ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (error) => shutdown(1, `unhandled rejection: ${error instanceof Error ? error.stack : String(error)}`));
const overall = setTimeout(
  () => shutdown(2, `benchmark exceeded its overall timeout of ${config.overallTimeoutMs / 60_000} min; servers killed`),
  config.overallTimeoutMs,
);

const startedAt = new Date();
const host = machine();
log(`Rejse load benchmark — ${config.mode} mode, ${startedAt.toISOString()}`);
log(`machine: ${host.nproc} cores (${host.cpu}), node ${host.node}, load ${host.loadAverage}`);
log(`Rejse from ${host.rejseRoot} at ${host.rejseCommit}${host.rejseServerChanges ? ` + ${host.rejseServerChanges} uncommitted file(s) in server/, shared/, templates/` : ''}`);
for (const kind of kinds) log(`  ${SERVER_LABELS[kind].padEnd(12)} persistence: ${describePersistence(kind)}`);
const runtime = await idleRuntimeRss();
const mib = (v: number | undefined) => (v === undefined ? '?' : `${(v / MiB).toFixed(1)} MiB`);
log(`idle runtime RSS: node ${mib(runtime.node)}, node --import tsx ${mib(runtime.nodeWithTsx)} (Rejse runs under tsx, the peers do not)`);

const failures: string[] = [];
const results: Record<string, { title: string; setup: string; values: ServerValues; notes: Partial<Record<ServerKind, string[]>>; errors: Partial<Record<ServerKind, string>> }> = {};

for (const scenario of SCENARIOS.filter((s) => scenarioIds.includes(s.id))) {
  const setup = scenario.describe(config);
  log(`\n▶ ${scenario.title}: ${setup}`);
  const entry = { title: scenario.title, setup, values: {} as ServerValues, notes: {} as Partial<Record<ServerKind, string[]>>, errors: {} as Partial<Record<ServerKind, string>> };
  results[scenario.id] = entry;
  for (const kind of kinds) {
    if (exiting) break;
    log(`${SERVER_LABELS[kind]}:`);
    let server;
    try {
      server = await startServer(kind);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push(`${kind} failed to start: ${message}`);
      entry.errors[kind] = `failed to start: ${message}`;
      log(`  FAILED TO START: ${message}`);
      continue;
    }
    const rss = new RssSampler(server.pid).start();
    try {
      // Let the fresh process settle, then take its resting RSS.
      const settleStart = performance.now();
      await sleep(1500);
      const baseline = rss.meanBetween(settleStart + 500, performance.now());
      const loadAverage = os.loadavg()[0] ?? Number.NaN;
      const outcome = await scenario.run({ server, config, rss, baseline, log });
      outcome.values.loadAverage = loadAverage;
      if (server.exitInfo()) throw new Error(`server ${server.exitInfo()} during the scenario:\n${server.stderrTail()}`);
      entry.values[kind] = outcome.values;
      entry.notes[kind] = outcome.notes;
      for (const note of outcome.notes) log(`  note: ${note}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push(`${scenario.id} on ${kind}: ${message}`);
      entry.errors[kind] = message;
      log(`  ERROR: ${message}`);
      const tail = server.stderrTail().trim();
      if (tail) log(`  server stderr (tail):\n${tail.split('\n').slice(-15).map((l) => `    ${l}`).join('\n')}`);
    } finally {
      const leftOpen = destroyOpenClients();
      if (leftOpen > 0) log(`  closed ${leftOpen} client(s) the scenario left open`);
      rss.stop();
      await server.stop();
      (globalThis as { gc?: () => void }).gc?.();
    }
  }
  log(`\n${scenario.title} — ${setup}`);
  log(textTable(scenario, entry.values, kinds));
}

clearTimeout(overall);
const finishedAt = new Date();
log(`\n${RATIO_LEGEND}`);

// Machine-readable results, and the markdown tables BENCHMARKS.md is made from.
const ratios: Record<string, Record<string, Record<string, number>>> = {};
const markdown: string[] = [];
for (const scenario of SCENARIOS) {
  const entry = results[scenario.id];
  if (!entry) continue;
  const perPeer: Record<string, Record<string, number>> = {};
  for (const peer of ['ywebsocket', 'hocuspocus'] as const) {
    const row: Record<string, number> = {};
    for (const metric of scenario.metrics) {
      const r = ratio(metric, entry.values.rejse?.[metric.key], entry.values[peer]?.[metric.key]);
      if (!Number.isNaN(r.value)) row[metric.key] = r.value;
    }
    perPeer[peer] = row;
  }
  ratios[scenario.id] = perPeer;
  markdown.push(`### ${scenario.title}\n\n${entry.setup}.\n\n${markdownTable(scenario, entry.values, kinds)}\n`);
}
mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(
  outFile,
  `${JSON.stringify(
    {
      mode: config.mode,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      machine: host,
      idleRuntimeRss: runtime,
      config,
      servers: Object.fromEntries(kinds.map((k) => [k, { label: SERVER_LABELS[k], persistence: describePersistence(k) }])),
      results,
      ratios,
      failures,
    },
    null,
    2,
  )}\n`,
);
writeFileSync(outFile.replace(/\.json$/, '.md'), `${markdown.join('\n')}\n${RATIO_LEGEND}\n`);
log(`results: ${path.relative(process.cwd(), outFile)} (and .md), ${((finishedAt.getTime() - startedAt.getTime()) / 1000).toFixed(0)} s`);

if (failures.length) {
  log(`\n${failures.length} failure(s):\n${failures.map((f) => `  - ${f.split('\n')[0]}`).join('\n')}`);
  shutdown(1);
}
shutdown(0);
