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
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { destroyOpenClients } from './lib/clients.ts';
import { FULL, SHORT, type BenchConfig } from './lib/config.ts';
import { headlineFigures, headlineMarkdown, headlineText } from './lib/headline.ts';
import { markdownTable, RATIO_LEGEND, ratio, textTable, type ServerRuns, type ServerValues } from './lib/report.ts';
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
  type RunningServer,
  type ServerKind,
} from './lib/servers.ts';
import { median, MiB, sleep } from './lib/stats.ts';
import { SCENARIO_IDS, SCENARIOS, type Scenario, type ScenarioId } from './scenarios.ts';

function parseList<T extends string>(raw: string | undefined, allowed: readonly T[], what: string): T[] {
  if (!raw) return [...allowed];
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
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
    repeat: { type: 'string' },
    render: { type: 'string' },
  },
});
if (args['rejse-root']) setRejseRoot(args['rejse-root']);
const config: BenchConfig = args.short ? SHORT : FULL;
const repeat = args.repeat ? Number(args.repeat) : config.repeat;
if (!Number.isInteger(repeat) || repeat < 1 || repeat > 9) throw new Error(`--repeat must be 1…9, got "${args.repeat}"`);
const kinds: ServerKind[] = parseList(args.only, SERVER_KINDS, 'server');
const scenarioIds: ScenarioId[] = parseList(args.scenario, SCENARIO_IDS, 'scenario');
const outFile = path.resolve(args.out ?? path.join(repoRoot, 'bench/results/latest.json'));

const log = (line: string) => console.log(line);

/** --render <results.json>: print the tables of a saved run again and rewrite its .md; no servers. */
if (args.render) {
  const saved = JSON.parse(readFileSync(args.render, 'utf8')) as {
    repeat?: number;
    config: BenchConfig;
    servers: Record<string, unknown>;
    results: Record<string, { setup: string; values: ServerValues; runs?: ServerRuns }>;
  };
  const savedKinds = SERVER_KINDS.filter((k) => k in saved.servers);
  const savedHeadline = headlineFigures(
    saved.config,
    Object.fromEntries(Object.entries(saved.results).map(([id, entry]) => [id, { values: entry.values, runs: entry.runs ?? {} }])),
  );
  log(`\nHeadline\n${headlineText(saved.config, savedHeadline)}`);
  const markdown: string[] = [`### Headline\n\n${headlineMarkdown(saved.config, savedHeadline)}\n`];
  for (const scenario of SCENARIOS) {
    const entry = saved.results[scenario.id];
    if (!entry) continue;
    const reps = (saved.repeat ?? 1) > 1 ? ` Median of ${saved.repeat} runs per server.` : '';
    log(`\n${scenario.title} — ${entry.setup}\n${textTable(scenario, entry.values, savedKinds, entry.runs)}`);
    markdown.push(`### ${scenario.title}\n\n${entry.setup}.${reps}\n\n${markdownTable(scenario, entry.values, savedKinds, entry.runs)}\n`);
  }
  writeFileSync(args.render.replace(/\.json$/, '.md'), `${markdown.join('\n')}\n${RATIO_LEGEND}\n`);
  process.exit(0);
}

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
    rejseServerChanges:
      tryRun(`git -C ${JSON.stringify(root)} status --porcelain -- server shared templates`)
        ?.split('\n')
        .filter(Boolean).length ?? 0,
    nproc: tryRun('nproc') ?? String(os.cpus().length),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memory: tryRun('free -h') ?? `${(os.totalmem() / MiB).toFixed(0)} MiB total`,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
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
const overallTimeoutMs = config.overallTimeoutMs * repeat;
const overall = setTimeout(
  () => shutdown(2, `benchmark exceeded its overall timeout of ${overallTimeoutMs / 60_000} min; servers killed`),
  overallTimeoutMs,
);

const startedAt = new Date();
const host = machine();
log(`Rejse load benchmark — ${config.mode} mode, ${startedAt.toISOString()}`);
log(`machine: ${host.nproc} cores (${host.cpu}), node ${host.node}, load ${host.loadAverage}`);
log(
  `Rejse from ${host.rejseRoot} at ${host.rejseCommit}${host.rejseServerChanges ? ` + ${host.rejseServerChanges} uncommitted file(s) in server/, shared/, templates/` : ''}`,
);
for (const kind of kinds) log(`  ${SERVER_LABELS[kind].padEnd(12)} persistence: ${describePersistence(kind)}`);
const runtime = await idleRuntimeRss();
const mib = (v: number | undefined) => (v === undefined ? '?' : `${(v / MiB).toFixed(1)} MiB`);
log(
  `idle runtime RSS: node ${mib(runtime.node)}, node --import tsx ${mib(runtime.nodeWithTsx)} (all three run under plain node; Rejse compiled)`,
);

const failures: string[] = [];
interface ScenarioEntry {
  title: string;
  setup: string;
  /** Medians over the repetitions: what the tables show. */
  values: ServerValues;
  /** Every repetition's figures. */
  runs: Partial<Record<ServerKind, Record<string, number>[]>>;
  notes: Partial<Record<ServerKind, string[]>>;
  errors: Partial<Record<ServerKind, string>>;
}
const results: Record<string, ScenarioEntry> = {};

/** One scenario on one server, in a fresh server process. */
async function runOnce(
  scenario: Scenario,
  kind: ServerKind,
): Promise<{ values?: Record<string, number>; notes: string[]; error?: string }> {
  let server: RunningServer;
  try {
    server = await startServer(kind);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`  FAILED TO START: ${message}`);
    return { notes: [], error: `failed to start: ${message}` };
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
    for (const note of outcome.notes) log(`  note: ${note}`);
    return outcome;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`  ERROR: ${message}`);
    const tail = server.stderrTail().trim();
    if (tail)
      log(
        `  server stderr (tail):\n${tail
          .split('\n')
          .slice(-15)
          .map((l) => `    ${l}`)
          .join('\n')}`,
      );
    return { notes: [], error: message };
  } finally {
    const leftOpen = destroyOpenClients();
    if (leftOpen > 0) log(`  closed ${leftOpen} client(s) the scenario left open`);
    rss.stop();
    await server.stop();
    (globalThis as { gc?: () => void }).gc?.();
  }
}

/** Per figure, the median over the repetitions that produced it. */
function medianValues(runs: readonly Record<string, number>[]): Record<string, number> {
  const keys = new Set(runs.flatMap((r) => Object.keys(r)));
  const out: Record<string, number> = {};
  for (const key of keys) {
    const values = runs.map((r) => r[key]).filter((v): v is number => v !== undefined && !Number.isNaN(v));
    // A single run that did not converge must show, not be outvoted.
    out[key] = values.length ? (key === 'converged' ? Math.min(...values) : median(values)) : Number.NaN;
  }
  return out;
}

for (const scenario of SCENARIOS.filter((s) => scenarioIds.includes(s.id))) {
  const setup = scenario.describe(config);
  log(`\n▶ ${scenario.title}: ${setup}${repeat > 1 ? ` — ${repeat} repetitions, medians shown` : ''}`);
  const entry: ScenarioEntry = { title: scenario.title, setup, values: {}, runs: {}, notes: {}, errors: {} };
  results[scenario.id] = entry;
  for (let rep = 0; rep < repeat && !exiting; rep++) {
    // Rotate the order each repetition, so no server always runs first (or right after another).
    const order = kinds.map((_, i) => kinds[(i + rep) % kinds.length] as ServerKind);
    for (const kind of order) {
      if (exiting) break;
      if (entry.errors[kind]) continue;
      log(`${SERVER_LABELS[kind]}${repeat > 1 ? ` (${rep + 1}/${repeat})` : ''}:`);
      const outcome = await runOnce(scenario, kind);
      if (outcome.error || !outcome.values) {
        entry.errors[kind] = outcome.error ?? 'no figures';
        failures.push(`${scenario.id} on ${kind}: ${entry.errors[kind]}`);
        continue;
      }
      entry.runs[kind] ??= [];
      entry.runs[kind].push(outcome.values);
      entry.notes[kind] ??= [];
      entry.notes[kind].push(...outcome.notes);
    }
  }
  for (const kind of kinds) {
    const runs = entry.runs[kind];
    if (runs?.length) entry.values[kind] = medianValues(runs);
  }
  log(`\n${scenario.title} — ${setup}${repeat > 1 ? ` (median of ${repeat} runs)` : ''}`);
  log(textTable(scenario, entry.values, kinds, entry.runs));
}

clearTimeout(overall);
const finishedAt = new Date();
log(`\n${RATIO_LEGEND}`);
const headline = headlineFigures(config, results);
log(`\nHeadline (targets: issue 15; medians${repeat > 1 ? ` of ${repeat} runs` : ''})\n${headlineText(config, headline)}`);

// Machine-readable results, and the markdown tables BENCHMARKS.md is made from.
const ratios: Record<string, Record<string, Record<string, number>>> = {};
const markdown: string[] = [`### Headline\n\n${headlineMarkdown(config, headline)}\n`];
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
  const reps = repeat > 1 ? ` Median of ${repeat} runs per server.` : '';
  markdown.push(`### ${scenario.title}\n\n${entry.setup}.${reps}\n\n${markdownTable(scenario, entry.values, kinds, entry.runs)}\n`);
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
      repeat,
      servers: Object.fromEntries(kinds.map((k) => [k, { label: SERVER_LABELS[k], persistence: describePersistence(k) }])),
      results,
      ratios,
      headline,
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
