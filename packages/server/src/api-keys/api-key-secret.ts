import { generateToken, hashToken } from '../accounts/tokens';

/**
 * What every key's secret starts with: secret scanners (GitHub's, gitleaks) find leaked keys by
 * it, and the server tells a key from a session token by it without a lookup.
 */
export const API_KEY_SECRET_PREFIX = 'epk_';

/** How much of the secret the key shows in lists: the marker and 8 random characters. */
const SHOWN_LENGTH = API_KEY_SECRET_PREFIX.length + 8;

/** 256 random bits after the marker: far past the 128 the partner API promises. */
export function generateApiKeySecret(): { secret: string; prefix: string; hash: string } {
  const secret = `${API_KEY_SECRET_PREFIX}${generateToken()}`;
  return { secret, prefix: secret.slice(0, SHOWN_LENGTH), hash: hashToken(secret) };
}

/** Whether a bearer credential is an API key's secret (else: a session token). */
export function isApiKeySecret(credential: string): boolean {
  return credential.startsWith(API_KEY_SECRET_PREFIX);
}

export { hashToken as hashApiKeySecret };
