import type { DataSource } from 'typeorm';
import { withLease } from './jobs/job-lease';
import type { Logger } from './observability/logger';

/**
 * One periodic task: safe to run late, and safe to run in every server process at once (the
 * pass holds a lease so that normally one process does it, but a lease can run out under a slow
 * holder).
 */
export interface HousekeepingTask {
  readonly name: string;
  run(dataSource: DataSource, now: Date): Promise<unknown>;
}

export interface Housekeeping {
  /** runs every task once now (tests; the timer calls it too) */
  tick(now?: Date): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs the tasks one after the other every `intervalMs` (null: only on tick()). A failing task
 * is logged and the others still run; the next tick tries again.
 */
export function startHousekeeping(options: {
  readonly dataSource: DataSource;
  readonly logger: Logger;
  readonly tasks: readonly HousekeepingTask[];
  readonly intervalMs: number | null;
}): Housekeeping {
  // one process at a time: the others skip this minute (a holder killed halfway leaves the
  // lease to run out; the tasks are safe to run late)
  const pass = async (now: Date) => {
    try {
      await withLease(options.dataSource, 'housekeeping', () => tasks(now));
    } catch (error) {
      options.logger.error('housekeeping: could not take its lease; the next pass tries again', {
        error,
      });
    }
  };
  const tasks = async (now: Date) => {
    for (const task of options.tasks) {
      try {
        await task.run(options.dataSource, now);
      } catch (error) {
        options.logger.error(`housekeeping: ${task.name} failed; the next pass tries again`, {
          error,
        });
      }
    }
  };
  // one pass at a time in this process (a pass never rejects: each task's error is logged)
  let chain: Promise<void> = Promise.resolve();
  const tick = (now?: Date) => {
    chain = chain.then(() => pass(now ?? new Date()));
    return chain;
  };
  const timer =
    options.intervalMs === null ? null : setInterval(() => void tick(), options.intervalMs);
  timer?.unref();
  return {
    tick,
    async stop() {
      if (timer) clearInterval(timer);
      await chain;
    },
  };
}
