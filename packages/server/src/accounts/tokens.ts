import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: session tokens and emailed one-time tokens alike. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as this hash; a stolen table cannot be replayed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
