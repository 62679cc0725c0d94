import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_RESULTS_DIR, writeBenchReport, type BenchFigure, type BenchReport } from './report';

/** The result files `pnpm bench` gathers, in the order of the table. */
const PARTS = ['seed-mariadb', 'seed-sqlite', 'statements', 'api', 'billing', 'abuse', 'web'];

/**
 * One table of every figure of the benchmarks that ran, against its goals, written to
 * bench-results/summary.json. Files older than `--since` (the start of the run) are left out,
 * so a stale result never passes for a fresh one.
 */
function main(): void {
  const { values } = parseArgs({
    options: { since: { type: 'string' }, steps: { type: 'string' } },
  });
  const since = values.since ? new Date(values.since) : null;
  const figures: BenchFigure[] = [];
  const files: Record<string, string> = {};
  for (const part of PARTS) {
    const file = path.join(BENCH_RESULTS_DIR, `${part}.json`);
    if (!fs.existsSync(file)) {
      files[part] = 'missing';
      continue;
    }
    const report = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchReport;
    if (since && new Date(report.finishedAt) < since) {
      files[part] = `stale (${report.finishedAt})`;
      continue;
    }
    files[part] = report.finishedAt;
    // "api: …", but not "billing: billing: …" or "seed-mariadb: seed on mariadb: …"
    const named = (name: string) => name.toLowerCase().startsWith(part.split('-')[0]!);
    for (const item of report.figures)
      figures.push({
        ...item,
        figure: named(item.figure) ? item.figure : `${part}: ${item.figure}`,
      });
  }
  const steps = values.steps ? (JSON.parse(values.steps) as unknown) : null;
  const report = writeBenchReport('summary', figures, { files, steps });
  const missed = report.figures.filter((item) => item.met === false);
  console.log(
    missed.length
      ? `${missed.length} figure(s) short of their goal:\n${missed.map((item) => `  ${item.figure}`).join('\n')}`
      : 'every figure with a goal meets it',
  );
  for (const [part, state] of Object.entries(files))
    if (state === 'missing' || state.startsWith('stale'))
      console.log(`no fresh result: ${part} (${state})`);
}

main();
