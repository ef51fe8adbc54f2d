/**
 * `npm run eval`: measures the refinement aids on the real data beside the
 * checkout (../shared/data, see its README) and writes EVALUATION.md, one
 * section per aid, beside the published baselines. Not part of `npm test`:
 * it reads thousands of real issues and takes minutes.
 *
 *   npm run eval                      every section
 *   npm run eval -- --only=duplicates one section (duplicates, estimates, quality); the others are kept from
 *                                     the last EVALUATION.md
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { evaluateDuplicates } from './duplicates.js';
import { evaluateEstimates } from './estimates.js';
import { evaluateQuality } from './quality.js';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = `${ROOT}EVALUATION.md`;
export const DATA = new URL('../../shared/data/', import.meta.url).pathname;

const SECTIONS = [
  { name: 'duplicates', title: 'Duplicate finder', run: evaluateDuplicates },
  { name: 'estimates', title: 'Estimate suggestions', run: evaluateEstimates },
  { name: 'quality', title: 'Story quality checks', run: evaluateQuality },
] as const;

/** The sections of an earlier EVALUATION.md, by title, so that one section can be rerun alone. */
function earlier(): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(OUT)) return out;
  for (const part of readFileSync(OUT, 'utf8').split(/^## /m).slice(1)) out.set(part.slice(0, part.indexOf('\n')).trim(), `## ${part.trimEnd()}\n`);
  return out;
}

async function main(): Promise<void> {
  if (!existsSync(DATA)) throw new Error(`the evaluation needs the team's data at ${DATA} (see its README)`);
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  if (only !== undefined && !SECTIONS.some((section) => section.name === only)) throw new Error(`--only must be one of ${SECTIONS.map((s) => s.name).join(', ')}; got ${only}`);
  const kept = earlier();
  const parts: string[] = [];
  for (const section of SECTIONS) {
    if (only !== undefined && section.name !== only) {
      parts.push(kept.get(section.title) ?? `## ${section.title}\n\nNot measured yet: run \`npm run eval -- --only=${section.name}\`.\n`);
      continue;
    }
    const started = Date.now();
    process.stderr.write(`${section.name}…\n`);
    parts.push(`## ${section.title}\n\n${(await section.run(DATA)).trim()}\n`);
    process.stderr.write(`${section.name} took ${Math.round((Date.now() - started) / 1000)} s\n`);
  }
  const head = `# Evaluation\n\nWritten by \`npm run eval\` (eval/run.ts) on ${new Date().toISOString().slice(0, 10)}, from the real data in \`../shared/data/\`. Every parameter was chosen on training or validation data only; each held-out figure was computed once.\n\n`;
  writeFileSync(OUT, head + parts.join('\n'));
  process.stderr.write(`wrote ${OUT}\n`);
}

await main();
