import fs from 'node:fs';
import path from 'node:path';
import { withSchemaLock } from '../../src/database/schema-lock';
import { silentLogger } from '../../src/observability/logger';
import { describeOnDialects } from '../support/dialects';

const SOURCE_DIR = path.resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

/** A file's code without its comments (which may say why something is not used). */
function codeOf(file: string): string {
  return fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
}

/**
 * What a Galera cluster does not replicate, or replicates differently, and the portal must
 * therefore never rely on: locks that live on one node (GET_LOCK, LOCK TABLES), tables that live
 * in one connection (TEMPORARY), distributed transactions (XA).
 */
const NOT_ON_GALERA: ReadonlyArray<[string, RegExp]> = [
  ['GET_LOCK / RELEASE_LOCK', /\b(GET_LOCK|RELEASE_LOCK|IS_FREE_LOCK)\s*\(/i],
  ['LOCK TABLES', /\bLOCK\s+TABLES?\b/i],
  ['temporary tables', /\bCREATE\s+TEMPORARY\s+TABLE\b/i],
  ['XA transactions', /\bXA\s+(START|BEGIN|END|PREPARE|COMMIT|ROLLBACK)\b/i],
];

describe('what the server sends to its database', () => {
  it.each(NOT_ON_GALERA)(
    'should never use %s (node-local on a Galera cluster)',
    (_name, pattern) => {
      const users = sourceFiles(SOURCE_DIR).filter((file) => pattern.test(codeOf(file)));
      expect(users.map((file) => path.relative(SOURCE_DIR, file))).toEqual([]);
    },
  );
});

describeOnDialects('the tables on %s', (suite) => {
  const database = suite.openMigratedDatabase();

  it('should give every table a primary key, and on MariaDB use InnoDB (Galera replicates only InnoDB rows, and needs a key to apply them)', async () => {
    const dataSource = database.dataSource;
    // the start-up's own table as well as the migrated ones
    await withSchemaLock(dataSource, silentLogger, async () => undefined);
    if (suite.dialect === 'sqlite') {
      const tables: Array<{ name: string }> = await dataSource.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      );
      expect(tables.length).toBeGreaterThan(20);
      const keyless: string[] = [];
      for (const { name } of tables) {
        const columns: Array<{ pk: number }> = await dataSource.query(
          `PRAGMA table_info("${name}")`,
        );
        if (!columns.some((column) => column.pk > 0)) keyless.push(name);
      }
      expect(keyless).toEqual([]);
      return;
    }
    const tables: Array<{ name: string; engine: string; keys: number | string }> =
      await dataSource.query(
        `SELECT t.TABLE_NAME AS name, t.ENGINE AS engine,
                (SELECT COUNT(*) FROM information_schema.TABLE_CONSTRAINTS c
                  WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME
                    AND c.CONSTRAINT_TYPE = 'PRIMARY KEY') AS \`keys\`
           FROM information_schema.TABLES t
          WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'`,
      );
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(['migrations', 'portal_schema_lock', 'job_lease', 'invoice']),
    );
    expect(tables.filter((table) => Number(table.keys) !== 1).map((table) => table.name)).toEqual(
      [],
    );
    expect(tables.filter((table) => table.engine !== 'InnoDB').map((table) => table.name)).toEqual(
      [],
    );
  });
});
