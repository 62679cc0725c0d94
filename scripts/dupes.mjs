// pnpm dupes: the copy-paste detector (jscpd, configured in .jscpd.json) with a ceiling on the
// number of clones. jscpd's own --threshold is a percentage of the code base, which lets a
// growing code base absorb new copies; a count does not. Prints every clone and the count, and
// exits 1 above MAX_CLONES.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The most clones the lint accepts: a ratchet, lowered as clones are removed, never raised.
 * Issue 14 asked for at most 10; the two left are the entry-user mutations' parameter lists and
 * two GraphQL types whose shared fields type-graphql cannot inherit without reordering the
 * printed schema. (Mutations that take an id take @PersonChange() instead of four parameters.)
 */
export const MAX_CLONES = 2;
/** issue 14's ceiling ("reports at most 10 clones"): MAX_CLONES stays at or under it */
const GOAL = 10;

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const output = fs.mkdtempSync(path.join(os.tmpdir(), 'jscpd-'));
try {
  execFileSync(
    path.join(root, 'node_modules', '.bin', 'jscpd'),
    ['--config', path.join(root, '.jscpd.json'), '--reporters', 'json', '--output', output],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const report = JSON.parse(fs.readFileSync(path.join(output, 'jscpd-report.json'), 'utf8'));
  const where = (file) => `${file.name}:${file.start}-${file.end}`;
  for (const clone of report.duplicates) {
    console.log(`${clone.lines} lines: ${where(clone.firstFile)} = ${where(clone.secondFile)}`);
  }
  const count = report.duplicates.length;
  if (count > MAX_CLONES) {
    console.error(
      `${count} clones of at least 6 lines: at most ${MAX_CLONES} allowed (.jscpd.json)`,
    );
    process.exitCode = 1;
  } else {
    console.log(
      `${count} clones of at least 6 lines (at most ${MAX_CLONES} allowed; the goal is ${GOAL})`,
    );
  }
} finally {
  fs.rmSync(output, { recursive: true, force: true });
}
