import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, decodeSecretsKey, type SecretsKeySetting } from '../config/config';
import type { Logger } from '../observability/logger';

/**
 * The secrets key itself: SECRETS_KEY as given, or (outside production) the key file in the data
 * folder, made on the first start. The file is written whole under a temporary name and then
 * linked into place, so two processes starting at once on one folder end up with the same key:
 * the second link fails and that process reads the first one's file.
 */
export function loadSecretsKey(setting: SecretsKeySetting, logger: Logger): Buffer {
  if (setting.source === 'environment') return setting.key;
  const existing = readKeyFile(setting.path);
  if (existing) return existing;
  fs.mkdirSync(path.dirname(setting.path), { recursive: true });
  const temporary = `${setting.path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(temporary, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  try {
    fs.linkSync(temporary, setting.path);
    logger.warn(
      `secrets key: generated ${setting.path} (mode 0600). It encrypts the two-factor secrets: back it up with the database, and set SECRETS_KEY in production`,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  const made = readKeyFile(setting.path);
  if (!made) throw new Error(`secrets key: ${setting.path} could not be read back`);
  return made;
}

function readKeyFile(file: string): Buffer | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const key = decodeSecretsKey(text.trim());
  if (!key)
    throw new ConfigError(
      'SECRETS_KEY',
      `is not set, and ${file} does not hold 32 bytes in base64: restore the file from a backup, or set SECRETS_KEY`,
    );
  return key;
}
