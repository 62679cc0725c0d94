import { SingleBar } from 'cli-progress';

/** What a long phase reports as it goes: how many items are done of how many. */
export type OnProgress = (done: number, total: number) => void;

/**
 * Runs one phase of a long command (billing, a benchmark) behind a progress bar that appears
 * with the phase's first report and goes away however the phase ends. Outside a terminal (CI,
 * cron, a log file) it prints a line every 5 s instead of redrawing. `label` starts the line.
 */
export async function withPhaseProgress<T>(
  label: string,
  phase: (onProgress: OnProgress) => Promise<T>,
): Promise<T> {
  const bar = new SingleBar({
    format: `${label} [{bar}] {value}/{total}`,
    noTTYOutput: true,
    notTTYSchedule: 5_000,
    hideCursor: true,
  });
  let started = false;
  try {
    return await phase((done, total) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      // a phase may find more to do than it counted at first
      bar.setTotal(Math.max(total, done));
      bar.update(done);
    });
  } finally {
    if (started) bar.stop();
  }
}
