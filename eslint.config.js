import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layers (docs/architecture.md): data/ knows nothing above it; cards/ and dialogs/ get what they need from the host
// through small service interfaces, never by importing bot/. Keeping the rules, the workflow and the store free of the Bot
// Framework SDK keeps a move to its successor (the Microsoft 365 Agents SDK) to bot/teams/, dialogs/ and the card handlers.
const BOTBUILDER = {
  group: ['botbuilder', 'botbuilder-*', 'botframework-*'],
  message: 'data/ stays free of the Bot Framework SDK (docs/architecture.md).',
};
const upward = (layers, why) => ({ group: layers.flatMap((layer) => [`**/${layer}/**`, `**/${layer}`]), message: why });
const dataImports = {
  patterns: [
    BOTBUILDER,
    upward(['bot', 'cards', 'dialogs'], 'data/ is the lowest layer: it may not import bot/, cards/ or dialogs/ (docs/architecture.md).'),
  ],
};
// The benchmarks run on plain Node: what they share with the tests lives in tests/fixtures/, which must load without jest.
const jestFree = {
  paths: [{ name: '@jest/globals', message: 'tests/fixtures/ and bench/ run without jest.' }],
  patterns: [
    { group: ['**/helpers/**'], message: 'tests/fixtures/ and bench/ run without jest: take shared builders from tests/fixtures/.' },
  ],
};
const viewImports = {
  patterns: [
    upward(['bot'], 'cards/ and dialogs/ may not import the host (bot/): take what you need through the services the host hands in.'),
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'var/**', 'coverage/**', 'dist/**', '.build-test-*/**', 'tests/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['data/**/*.ts'], rules: { 'no-restricted-imports': ['error', dataImports] } },
  { files: ['cards/**/*.ts', 'dialogs/**/*.ts'], rules: { 'no-restricted-imports': ['error', viewImports] } },
  { files: ['tests/fixtures/**/*.ts', 'bench/**/*.ts'], rules: { 'no-restricted-imports': ['error', jestFree] } },
);
