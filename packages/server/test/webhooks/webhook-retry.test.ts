import {
  WEBHOOK_MAX_ATTEMPTS,
  WEBHOOK_RETRY_DELAYS_MS,
  webhookRetryDelay,
} from '../../src/webhooks/webhook-retry';

describe('webhook retry schedule', () => {
  it('should retry the first time within 30 seconds, then wait longer each time', () => {
    expect(webhookRetryDelay(1)).toBeLessThanOrEqual(30_000);
    for (let failed = 2; failed < WEBHOOK_MAX_ATTEMPTS; failed++)
      expect(webhookRetryDelay(failed)).toBeGreaterThanOrEqual(webhookRetryDelay(failed - 1));
  });

  it('should keep retrying for at least 24 hours before giving up', () => {
    const total = WEBHOOK_RETRY_DELAYS_MS.reduce((sum, delay) => sum + delay, 0);
    expect(total).toBeGreaterThanOrEqual(24 * 3600_000);
    expect(WEBHOOK_MAX_ATTEMPTS).toBe(WEBHOOK_RETRY_DELAYS_MS.length + 1);
  });
});
