/**
 * The Monte Carlo forecast timed where the app runs it: in headless
 * Chromium (as in the browser tests). shared/planning/forecast.ts and
 * random.ts are bundled with esbuild into one script for a blank page, which
 * then times the same forecast the model scenario times in Node.
 */
import { build } from 'esbuild';
import type { forecastBacklog, seededRandom } from '../shared/index.js';
import { launchBrowser } from '../test/helpers/browser.js';

const PLANNING = new URL('../shared/planning/', import.meta.url).pathname;

interface Planning {
  forecastBacklog: typeof forecastBacklog;
  seededRandom: typeof seededRandom;
}

/** The two modules as a script that sets `window.planning`. */
async function bundle(): Promise<string> {
  const result = await build({
    stdin: { contents: "export { forecastBacklog } from './forecast.ts';\nexport { seededRandom } from './random.ts';", resolveDir: PLANNING, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'planning',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

/**
 * Milliseconds per forecast in Chromium, one for each seed after the first (seed 0 warms the engine up, as in
 * Node), and Chromium's version.
 */
export async function forecastInChromium(points: number[], velocities: number[], runs: number, seeds: number): Promise<{ times: number[]; version: string }> {
  const script = await bundle();
  const chromium = await launchBrowser();
  try {
    const page = await chromium.newPage();
    await page.addScriptTag({ content: script });
    const times = await page.evaluate(
      ({ points, velocities, runs, seeds }) => {
        const { forecastBacklog, seededRandom } = (window as unknown as { planning: Planning }).planning;
        const out: number[] = [];
        for (let seed = 0; seed < seeds; seed++) {
          const started = performance.now();
          forecastBacklog(points, { velocities, runs, random: seededRandom(seed) });
          out.push(performance.now() - started);
        }
        return out;
      },
      { points, velocities, runs, seeds },
    );
    return { times: times.slice(1), version: chromium.version() };
  } finally {
    await chromium.close();
  }
}
