/**
 * `npm run bench`: runs the nine scenarios against our relay and the peers
 * (y-websocket@1.5.4's server and Hocuspocus) one after another on this
 * machine, and writes BENCHMARKS.md and bench/results.json.
 * `npm run bench -- --smoke` runs each once at a tiny size (CI does, so that
 * the harness cannot rot) and writes to bench/smoke/ instead.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { browser } from './browser.js';
import { FULL, SMOKE, fanout, large, memory, model, saturation, storm, type ScenarioResult } from './scenarios.js';
import { importScenario } from './import.js';
import { cluster } from './cluster.js';

// Every stock y-websocket provider in Node adds a process 'exit' listener.
process.setMaxListeners(0);
const smoke = process.argv.includes('--smoke');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const sizes = smoke ? SMOKE : FULL;
const ROOT = new URL('..', import.meta.url).pathname;

const SCENARIOS: [string, () => Promise<ScenarioResult>][] = [
  ['fanout', () => fanout(sizes)],
  ['saturation', () => saturation(sizes)],
  ['large', () => large(sizes)],
  ['memory', () => memory(sizes)],
  ['storm', () => storm(sizes)],
  ['model', () => model(sizes)],
  ['import', () => importScenario(sizes)],
  ['browser', () => browser(sizes)],
  ['cluster', () => cluster(sizes)],
];

function table(result: ScenarioResult): string {
  const columns = [...new Set(result.rows.flatMap((row) => Object.keys(row)))];
  const line = (cells: unknown[]) => `| ${cells.map((cell) => String(cell ?? '–').replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(columns), line(columns.map(() => '---')), ...result.rows.map((row) => line(columns.map((column) => row[column])))].join('\n');
}

/** Our figure over the better peer's, for a column where lower is better. */
function ratio(result: ScenarioResult, column: string): string | null {
  // A peer that did not deliver the whole board has no comparable time.
  const value = (relay: string) => {
    const row = result.rows.find((candidate) => candidate.relay === relay);
    return row?.complete === 'NO' ? NaN : Number(row?.[column]);
  };
  const ours = value('ours');
  const peers = ['y-websocket', 'hocuspocus'].map(value).filter((v) => Number.isFinite(v) && v > 0);
  if (!Number.isFinite(ours) || peers.length === 0) return null;
  return `${column}: ours ${ours} vs best peer ${Math.min(...peers)} (${(ours / Math.min(...peers)).toFixed(2)}×)`;
}

// `--report` rewrites BENCHMARKS.md from bench/results.json without running anything.
const reportOnly = process.argv.includes('--report');
const saved = reportOnly ? (JSON.parse(readFileSync(`${ROOT}bench/results.json`, 'utf8')) as { started: number; finished?: number; command: string; machine: string; reruns?: string[]; results: { name: string; result?: ScenarioResult; error?: string; seconds: number }[] }) : null;
const started = saved?.started ?? Date.now();
const results: { name: string; result?: ScenarioResult; error?: string; seconds: number }[] = saved?.results ?? [];
for (const [name, run] of reportOnly ? [] : SCENARIOS) {
  if (only && !only.includes(name)) continue;
  const at = Date.now();
  process.stdout.write(`== ${name}\n`);
  try {
    const result = await run();
    results.push({ name, result, seconds: (Date.now() - at) / 1000 });
    process.stdout.write(`${table(result)}\n\n`);
  } catch (error) {
    results.push({ name, error: String((error as Error)?.stack ?? error), seconds: (Date.now() - at) / 1000 });
    process.stdout.write(`FAILED: ${String(error)}\n`);
  }
}

// With --only, the other scenarios keep their figures from the last full run, and the report says which were rerun.
let base: { started: number; finished?: number; command: string; reruns?: string[] } | null = null;
const reruns: string[] = [...(saved?.reruns ?? [])];
if (only && !smoke && !reportOnly) {
  try {
    const earlier = JSON.parse(readFileSync(`${ROOT}bench/results.json`, 'utf8')) as { started: number; finished?: number; command: string; reruns?: string[]; results: typeof results };
    const fresh = new Map(results.map((entry) => [entry.name, entry]));
    results.splice(0, results.length, ...SCENARIOS.map(([name]) => fresh.get(name) ?? earlier.results.find((entry) => entry.name === name)).filter((entry) => entry !== undefined));
    base = earlier;
    reruns.push(...(earlier.reruns ?? []), `${only.join(', ')} rerun on ${new Date(started).toISOString()} with \`npm run bench -- --only=${only.join(',')}\``);
  } catch {
    // No earlier run: the report holds what ran now.
  }
}

const command = base?.command ?? saved?.command ?? `npm run bench${smoke ? ' -- --smoke' : ''}${only ? ` -- --only=${only.join(',')}` : ''}`;
const machine = saved?.machine ?? `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}, ${process.platform}`;
const finished = base ? (base.finished ?? Date.now()) : (saved?.finished ?? Date.now());
const runStarted = base?.started ?? started;
const ratios = results
  .map(({ result }) => result && [ratio(result, 'p99 ms'), ratio(result, 'warm ms'), ratio(result, 'all synced after ms'), ratio(result, 'RSS per idle connection KiB')].filter(Boolean))
  .flat()
  .filter(Boolean);
const report = [
  '# Benchmarks',
  '',
  `Run on ${new Date(runStarted).toISOString()} with \`${command}\` (${Math.round((finished - runStarted) / 1000)} s in all)${reruns.length ? `; ${reruns.join('; ')}` : ''}.`,
  `Machine: ${machine}. Relays run one after another, each in its own process, with the load generated by stock clients in another process.`,
  '',
  ...(ratios.length ? ['## Ratios to the better peer (lower is better)', '', ...ratios.map((r) => `- ${r}`), ''] : []),
  ...results.flatMap(({ name, result, error, seconds }) =>
    result
      ? [`## ${result.title}`, '', table(result), '', ...result.notes.map((note) => `${note}`), '', `_${name}: ${seconds.toFixed(0)} s_`, '']
      : [`## ${name}`, '', `Failed: ${error}`, ''],
  ),
  ...(smoke ? [] : [readFileSync(`${ROOT}bench/analysis.md`, 'utf8')]),
].join('\n');

const dir = smoke ? `${ROOT}bench/smoke/` : ROOT;
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}BENCHMARKS.md`, report);
if (!reportOnly) writeFileSync(smoke ? `${dir}results.json` : `${ROOT}bench/results.json`, JSON.stringify({ started: runStarted, finished, command, machine, reruns, results }, null, 2));
process.stdout.write(`wrote ${dir}BENCHMARKS.md\n`);
const failed = results.filter((r) => r.error);
process.exit(failed.length ? 1 : 0);
