/**
 * The Galera suites (test/galera): one 3-node cluster per run, started by the suite, with real
 * portal processes on it. Run by scripts/test.mjs after the other server suites, one file at a
 * time, never beside them:
 *   npx jest -c jest.galera.config.cjs
 * @type {import('jest').Config}
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/galera'],
  testPathIgnorePatterns: ['/node_modules/'],
  maxWorkers: 1,
  testTimeout: 120_000,
};
