import fs from 'node:fs';
import path from 'node:path';

/**
 * The one shape every benchmark writes to bench-results/<name>.json, so `pnpm bench` can put all
 * figures in one table (scripts/bench.mjs reads these files; the web bench writes the same shape
 * by hand). Change it here and there together.
 */
export interface BenchFigure {
  readonly figure: string;
  readonly value: number;
  readonly unit: string;
  /** what the issue asks for, e.g. "≤ 60" or "≥ 0.9"; null when the figure is informative */
  readonly goal: string | null;
  /** null when there is no goal */
  readonly met: boolean | null;
}

export interface BenchReport {
  readonly name: string;
  readonly finishedAt: string;
  readonly figures: readonly BenchFigure[];
  readonly details: Record<string, unknown>;
}

/** The repository root: results go to <root>/bench-results whichever directory a bench runs from. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const BENCH_RESULTS_DIR = path.join(REPO_ROOT, 'bench-results');

export type Goal = { readonly atMost: number } | { readonly atLeast: number } | null;

/** A figure with its goal checked: `figure('invoices', 41.2, 's', { atMost: 60 })`. */
export function figure(name: string, value: number, unit: string, goal: Goal = null): BenchFigure {
  if (goal === null) return { figure: name, value, unit, goal: null, met: null };
  if ('atMost' in goal)
    return { figure: name, value, unit, goal: `≤ ${goal.atMost}`, met: value <= goal.atMost };
  return { figure: name, value, unit, goal: `≥ ${goal.atLeast}`, met: value >= goal.atLeast };
}

/** Rounds for display and JSON alike: benchmarks are not precise to more digits than this. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function verdict(met: boolean | null): string {
  if (met === null) return '';
  return met ? 'met' : 'NOT MET';
}

/** A plain text table: one row per figure with its goal and whether it is met. */
export function formatFigureTable(figures: readonly BenchFigure[]): string {
  const rows = figures.map((f) => [
    f.figure,
    `${f.value.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${f.unit}`,
    f.goal ? `${f.goal} ${f.unit}` : '',
    verdict(f.met),
  ]);
  const header = ['figure', 'value', 'goal', ''];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}

/** Prints the figures as a table and writes bench-results/<name>.json; returns what it wrote. */
export function writeBenchReport(
  name: string,
  figures: readonly BenchFigure[],
  details: Record<string, unknown> = {},
): BenchReport {
  const report: BenchReport = { name, finishedAt: new Date().toISOString(), figures, details };
  fs.mkdirSync(BENCH_RESULTS_DIR, { recursive: true });
  const file = path.join(BENCH_RESULTS_DIR, `${name}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `\n${name}\n${formatFigureTable(figures)}\n(written to ${path.relative(process.cwd(), file) || file})\n`,
  );
  return report;
}
