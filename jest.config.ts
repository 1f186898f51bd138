/** @jest-config-loader esbuild-register */
// jest reads this file through esbuild-register (TOOLCHAIN.md recipe B); tests run as native ESM
// (node --experimental-vm-modules) so that import.meta works as it does in the built package.
import type { Config } from 'jest';

const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'es6' },
      },
    ],
  },
  // Sources import './x.js' (nodenext); in tests the .ts file stands behind that name.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 60_000,
  // Builds under test keep their build cache in a folder of the run's own, removed afterwards; the PostgreSQL test
  // files share one cluster, started by the first of them and stopped here at the end (tests/utils/sharedPostgres.ts).
  globalSetup: '<rootDir>/tests/utils/testRunSetup.ts',
  globalTeardown: '<rootDir>/tests/utils/testRunTeardown.ts',
};

// jest reads only a default export: the one exception to the no-default-exports habit.
export default config;
