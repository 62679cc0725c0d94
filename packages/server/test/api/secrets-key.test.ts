import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../../bench/processes';
import { createScratchDatabase } from '../../src/database/scratch-database';
import { startTestPortal, type TestPortal } from '../portal';
import { describeOnDialects } from '../support/dialects';

const SERVER_DIR = path.resolve(__dirname, '../..');

describe('the secrets key on the embedded default (SQLite, outside production)', () => {
  let first: TestPortal | undefined;
  let second: TestPortal | undefined;

  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('should generate one into the data folder, readable by the owner only, and read the same one at the next start', async () => {
    // SECRETS_KEY empty counts as unset
    first = await startTestPortal('sqlite', { SECRETS_KEY: '' });
    const setting = first.config.secretsKey;
    if (setting.source !== 'file') throw new Error('expected a generated key file');
    const database = first.config.database;
    if (database.type !== 'sqlite') throw new Error('expected SQLite');
    expect(path.dirname(setting.path)).toBe(path.dirname(database.path));
    const stat = fs.statSync(setting.path);
    expect(stat.mode & 0o777).toBe(0o600);
    expect(Buffer.from(fs.readFileSync(setting.path, 'utf8').trim(), 'base64')).toHaveLength(32);

    const sealed = first.secrets.seal('JBSWY3DPEHPK3PXP', 'totp person p1');
    const written = fs.readFileSync(setting.path, 'utf8');
    // another server process on the same database: the same key, not a new one
    second = await startTestPortal('sqlite', { SECRETS_KEY: '', DATABASE_URL: first.databaseUrl });
    expect(fs.readFileSync(setting.path, 'utf8')).toBe(written);
    expect(second.secrets.open(sealed, 'totp person p1')).toBe('JBSWY3DPEHPK3PXP');
  });
});

describeOnDialects('a production start without SECRETS_KEY on %s', (suite) => {
  const scratch = suite.startBefore(
    () => createScratchDatabase(suite.dialect),
    (database) => database.drop(),
  );

  it('should be refused with one line saying what to set', async () => {
    const { database } = scratch;
    const env: Record<string, string | undefined> = {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(await freePort()),
      DATABASE_URL: database.type === 'sqlite' ? `sqlite:${database.path}` : database.url,
    };
    delete env['SECRETS_KEY'];
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: SERVER_DIR,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(
      /^Configuration error: SECRETS_KEY must be set in production: 32 random bytes in base64 \(`openssl rand -base64 32`\)/,
    );
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
