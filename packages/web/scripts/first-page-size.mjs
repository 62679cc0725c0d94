// What the first page makes the browser download in JavaScript, gzipped, per script: the built
// portal served by the real server, loaded in headless Chromium, checked against Vite's build
// manifest. Quicker than the whole web bench (bench/run.mjs), which also runs Lighthouse.
//
//   pnpm build && node packages/web/scripts/first-page-size.mjs
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const benchFile = fileURLToPath(new URL('../bench/first-page-report.ts', import.meta.url));
const { module } = await runnerImport(benchFile, { configFile: false, logLevel: 'warn' });
process.exitCode = await module.printFirstPage();
