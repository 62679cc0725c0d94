import type { Logger } from '../observability/logger';

/** A worker that runs passes over due work: on a timer, and whenever drain() is called. */
export interface PollingLoop {
  /** Runs a pass now (after the one in progress) and resolves with what it reports. */
  drain(): Promise<number>;
  /** Stops polling and waits for the pass in progress. */
  stop(): Promise<void>;
  /** true once stop() was called: a pass checks it between items and ends early */
  readonly stopped: boolean;
}

export interface PollingLoopOptions {
  /** names the worker in its log lines, e.g. "mail" */
  readonly name: string;
  readonly logger: Logger;
  /** how often to run a pass; null: only when drain() is called (tests) */
  readonly pollIntervalMs: number | null;
  /** one pass over what is due; resolves with a count for drain() */
  readonly pass: () => Promise<number>;
}

const MAX_POLL_BACKOFF_MS = 60_000;

/**
 * The timer and the one-pass-at-a-time rule the outbox workers (mail, webhooks) share. Passes
 * never overlap within a worker: drain() and the timer queue up behind each other. While the
 * database is down, it polls (and logs) less and less often, up to once a minute.
 */
export function startPollingLoop(options: PollingLoopOptions): PollingLoop {
  const { name, logger, pollIntervalMs, pass } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let failedPolls = 0;

  function serialized(): Promise<number> {
    const next = running.then(pass, pass);
    running = next.catch(() => undefined);
    return next;
  }

  function schedule(): void {
    if (stopped || pollIntervalMs === null) return;
    const delay =
      failedPolls === 0
        ? pollIntervalMs
        : Math.min(MAX_POLL_BACKOFF_MS, Math.max(pollIntervalMs, 1_000) * 2 ** failedPolls);
    timer = setTimeout(() => {
      serialized()
        .then(
          () => {
            failedPolls = 0;
          },
          (error: unknown) => {
            failedPolls = Math.min(failedPolls + 1, 16);
            logger.error(`${name}: worker pass failed`, { error, failedPolls });
          },
        )
        .finally(schedule);
    }, delay);
    // A forgotten worker must not keep a test process (or a failed start-up) alive.
    timer.unref();
  }

  schedule();
  return {
    drain: serialized,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    get stopped() {
      return stopped;
    },
  };
}
