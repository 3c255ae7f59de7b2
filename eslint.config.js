import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layering (STYLE.md): web → contracts → domain, server → contracts, domain.
// domain imports nothing but the language (and the Temporal polyfill).
const noServer = { group: ['@jourbok/server', '@jourbok/server/*', '**/server/src/**'], message: 'Only the server does I/O: import it from nowhere else.' };
const noWeb = { group: ['@jourbok/web', '**/web/src/**'], message: 'The web app is not a library.' };

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'tmp/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'child_process'], message: 'The domain is pure: no I/O.' },
            { group: ['@jourbok/*'], message: 'The domain imports nothing of ours.' },
            { regex: '^(?!\\.|temporal-polyfill$|vitest$|fast-check$).*', message: 'The domain imports nothing but the language (and temporal-polyfill; fast-check in tests).' },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/contracts/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [noServer, noWeb, { group: ['node:*'], message: 'Contracts are shared with the browser.' }, { regex: '^(?!\\.|zod$|@jourbok/domain$|vitest$).*', message: 'Contracts use zod and the domain only.' }] },
      ],
    },
  },
  {
    files: ['packages/server/src/**/*.ts', 'packages/server/test/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noWeb] }] },
  },
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: [noServer, { group: ['node:*'], message: 'The web runs in the browser.' }] }] },
  },
  {
    files: ['bench/**/*.ts', 'scripts/**/*.mjs', 'e2e/**/*.ts', 'packages/server/src/cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
