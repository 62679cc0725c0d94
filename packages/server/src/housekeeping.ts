import type { DataSource } from 'typeorm';
import type { Logger } from './observability/logger';

/** One periodic task: safe to run in every server process at once, and to run late. */
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
  const pass = async (now: Date) => {
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
