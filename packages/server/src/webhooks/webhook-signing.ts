import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** The Standard Webhooks headers of one delivery attempt. */
export interface WebhookHeaders {
  /** the event's id: the same on every retry, so receivers can drop duplicates */
  readonly 'webhook-id': string;
  /** Unix seconds of this attempt (receivers refuse old ones: replay protection) */
  readonly 'webhook-timestamp': string;
  /** "v1,<base64 HMAC-SHA256>", one per secret, separated by spaces */
  readonly 'webhook-signature': string;
}

export interface WebhookMessage {
  readonly id: string;
  readonly timestamp: Date;
  /** the exact bytes sent as the request body: the signature covers these, not a re-serialization */
  readonly body: string;
}

const SECRET_PREFIX = 'whsec_';

/** A new endpoint secret: 256 random bits, in the Standard Webhooks form "whsec_<base64>". */
export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

/**
 * Signs `message` with every secret in `secrets` (usually one; the old and the new one while a
 * rotation overlaps, so a receiver that knows either accepts it). The signing itself is the
 * reference library's, so what receivers verify with it is what we computed.
 */
export function signWebhook(message: WebhookMessage, secrets: readonly string[]): WebhookHeaders {
  if (secrets.length === 0) throw new Error('signWebhook needs at least one secret');
  const signatures = secrets.map((secret) =>
    new Webhook(secret).sign(message.id, message.timestamp, message.body),
  );
  return {
    'webhook-id': message.id,
    'webhook-timestamp': String(Math.floor(message.timestamp.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
