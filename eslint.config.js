import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noBotbuilder = {
  patterns: [{ group: ['botbuilder', 'botbuilder-*', 'botframework-*'], message: 'The rules, the store and the workflow stay free of the Bot Framework SDK (see docs/architecture.md).' }],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'var/**', 'coverage/**', 'dist/**', '.build-test-*/**', 'tests/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['data/**/*.ts', 'bot/workflow/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noBotbuilder] },
  },
);
