/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/../shared/src'],
  testMatch: ['**/*.test.ts'],
  // a cluster of their own, run apart: jest.galera.config.cjs
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/galera/'],
  transform: { '^.+\\.ts$': swc },
  // Tests read the shared package's source: no build step between an edit and a test run.
  moduleNameMapper: { '^@entry/shared$': '<rootDir>/../shared/src/index.ts' },
  setupFiles: ['reflect-metadata'],
  // Each file starts its own server on its own fresh databases; two cores run two at a time.
  maxWorkers: 2,
  testTimeout: 30_000,
};
