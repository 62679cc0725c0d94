import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import type { DatabaseConfig } from '../config/config';

/** Where the MariaDB/MySQL server for tests and migration generation is (root, empty password here). */
export function scratchMysqlServerUrl(): string {
  return (
    process.env['TEST_MYSQL_URL'] ??
    process.env['MIGRATIONS_MYSQL_URL'] ??
    'mysql://root@127.0.0.1:3306'
  );
}

/**
 * Runs `work` against a brand-new empty database and drops it afterwards, whatever happens:
 * an SQLite file in a temporary directory, or a uniquely named database on the MySQL server.
 */
export async function withScratchDatabase<T>(
  dialect: 'sqlite' | 'mysql',
  work: (database: DatabaseConfig) => Promise<T>,
): Promise<T> {
  const scratch = await createScratchDatabase(dialect);
  try {
    return await work(scratch.database);
  } finally {
    await scratch.drop();
  }
}

export interface ScratchDatabase {
  readonly database: DatabaseConfig;
  drop(): Promise<void>;
}

export async function createScratchDatabase(dialect: 'sqlite' | 'mysql'): Promise<ScratchDatabase> {
  const name = `entry_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'entry-portal-'));
    return {
      database: { type: 'sqlite', path: path.join(dir, `${name}.sqlite`) },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const serverUrl = new URL(scratchMysqlServerUrl());
  serverUrl.pathname = '/';
  const admin = await mysql.createConnection({ uri: serverUrl.toString() });
  try {
    await admin.query(
      `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await admin.end();
  }
  const databaseUrl = new URL(serverUrl.toString());
  databaseUrl.pathname = `/${name}`;
  return {
    database: { type: 'mariadb', url: databaseUrl.toString() },
    drop: async () => {
      const conn = await mysql.createConnection({ uri: serverUrl.toString() });
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await conn.end();
      }
    },
  };
}
