// Fails when the committed src/gql/ differs from what codegen makes of the current schema and
// documents: regenerates into a temporary folder and compares file by file.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { config, writeTo } from './codegen.mjs';

const fix = 'run pnpm --filter @entry/web codegen';
const scratch = mkdtempSync(join(tmpdir(), 'entry-web-codegen-'));
let problems = [];
let failure = null;
try {
  await writeTo(scratch);
  const fresh = readdirSync(scratch).sort();
  const committed = existsSync(config.outDir) ? readdirSync(config.outDir).sort() : [];
  for (const name of new Set([...fresh, ...committed])) {
    if (!committed.includes(name)) problems.push(`src/gql/${name} is missing`);
    else if (!fresh.includes(name)) problems.push(`src/gql/${name} is no longer generated`);
    else if (
      readFileSync(join(scratch, name), 'utf8') !== readFileSync(join(config.outDir, name), 'utf8')
    )
      problems.push(`src/gql/${name} is stale`);
  }
} catch (error) {
  failure = error instanceof Error ? error.message : String(error);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (failure) {
  console.error(`drift: could not regenerate src/gql: ${failure}`);
  process.exit(1);
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`drift: ${problem}`);
  console.error(`drift: generated GraphQL types are out of date: ${fix}`);
  process.exit(1);
}
console.log(`drift: src/gql matches ${config.schema} and the documents in src/`);
