// The web app's benchmark: `node packages/web/bench/run.mjs` after `pnpm build` (from any
// directory). Loads bench/web-bench.ts through Vite's module runner, so the bench reuses the
// browser tests' TypeScript helpers (server start, API set-up, Chromium) as they are.
//
//   LIGHTHOUSE_RUNS=5 node packages/web/bench/run.mjs   (runs per Lighthouse score; default 3)
//   LIGHTHOUSE_ONLY='signed-in home' node ...          (score only these pages; comma-separated)
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const benchFile = fileURLToPath(new URL('./web-bench.ts', import.meta.url));
const { module } = await runnerImport(benchFile, { configFile: false, logLevel: 'warn' });
const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error('LIGHTHOUSE_RUNS must be a whole number ≥ 1');
const only = process.env.LIGHTHOUSE_ONLY?.split(',').map((name) => name.trim());
await module.runWebBench({ lighthouseRuns: runs, lighthouseOnly: only });
