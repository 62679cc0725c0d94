const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * Wait before retry n (after the n-th failed attempt). The first comes within 30 seconds (a
 * receiver restarting), then they spread out so a receiver down for a day still gets every
 * event: 15 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h, 8 h, 8 h, about 27 hours in all.
 */
export const WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [
  15 * SECOND,
  2 * MINUTE,
  10 * MINUTE,
  30 * MINUTE,
  1 * HOUR,
  3 * HOUR,
  6 * HOUR,
  8 * HOUR,
  8 * HOUR,
];

/** The first attempt and one per retry delay; after the last one the delivery is FAILED. */
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_DELAYS_MS.length + 1;

/** An endpoint failing this long without a single success is disabled (its admins are told). */
export const WEBHOOK_DISABLE_AFTER_MS = 3 * 24 * HOUR;

/** The wait after `failedAttempts` failed attempts (1 or more). */
export function webhookRetryDelay(failedAttempts: number): number {
  const index = Math.min(Math.max(failedAttempts, 1), WEBHOOK_RETRY_DELAYS_MS.length) - 1;
  return WEBHOOK_RETRY_DELAYS_MS[index]!;
}
