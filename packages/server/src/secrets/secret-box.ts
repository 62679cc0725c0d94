import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets the portal must be able to read back (two-factor secrets) are kept encrypted at rest,
 * and high-entropy secrets it only compares (recovery codes) are kept as keyed hashes, both under
 * the secrets key (SECRETS_KEY): a copy of the database alone reveals neither.
 */
export interface SecretBox {
  /**
   * AES-256-GCM with a fresh random 96-bit IV per value. `context` (e.g. the owner's id) is bound
   * to the ciphertext as associated data: a value copied into another row does not open there.
   */
  seal(plaintext: string, context: string): string;
  /** The plaintext of a sealed value; throws when it was tampered with or sealed elsewhere. */
  open(sealed: string, context: string): string;
  /** HMAC-SHA-256 of the value (hex): what is stored of a secret that is only compared. */
  keyedHash(value: string): string;
}

/** The format's version, first in every sealed value: another key or cipher gets another. */
const SEALED_PREFIX = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** One key per use, derived from the secrets key, so no two uses ever share a key. */
function subkey(secretsKey: Buffer, purpose: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', secretsKey, Buffer.alloc(0), `entry-portal ${purpose}`, 32),
  );
}

export function createSecretBox(secretsKey: Buffer): SecretBox {
  if (secretsKey.length !== 32) throw new Error('the secrets key must be 32 bytes');
  const encryptionKey = subkey(secretsKey, 'encryption v1');
  const hashKey = subkey(secretsKey, 'keyed hash v1');
  return {
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return (
        SEALED_PREFIX + Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64url')
      );
    },
    open(sealed, context) {
      if (!sealed.startsWith(SEALED_PREFIX)) throw new Error('not a sealed value of this format');
      const bytes = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64url');
      if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('sealed value too short');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    },
    keyedHash(value) {
      return createHmac('sha256', hashKey).update(value, 'utf8').digest('hex');
    },
  };
}
