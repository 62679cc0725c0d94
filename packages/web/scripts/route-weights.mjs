// Every route's JavaScript, gzipped, from the build alone (bench/route-weights.ts): no browser,
// no server, the same figures each time. Exits 1 when a route is above the goal.
//
//   pnpm build && node packages/web/scripts/route-weights.mjs
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const benchFile = fileURLToPath(new URL('../bench/route-weights.ts', import.meta.url));
const { module } = await runnerImport(benchFile, { configFile: false, logLevel: 'warn' });
const weights = module.measureRouteWeights();
console.log(module.formatRouteWeights(weights));
process.exitCode = weights.every((weight) => weight.gzipped <= module.ROUTE_GOAL_KB * 1000) ? 0 : 1;
