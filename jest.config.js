import { createDefaultEsmPreset } from 'ts-jest';

/** ts-jest only transpiles here (isolatedModules); `npm run typecheck` does the type checking. */
export default {
  ...createDefaultEsmPreset({ tsconfig: 'tsconfig.json' }),
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 30000,
  // Two workers even on a 2-core machine (jest's default there is one): the end-to-end files spend most of their time
  // waiting on the service processes they start, so a second file runs meanwhile (docs/performance.md, issue 16).
  maxWorkers: 2,
  // The default reporter prints a line as each file finishes; tests/progressReporter.mjs speaks up while none has for a while.
  reporters: ['default', '<rootDir>/tests/progressReporter.mjs'],
  globalSetup: '<rootDir>/tests/globalSetup.mjs',
  globalTeardown: '<rootDir>/tests/globalTeardown.mjs',
};
