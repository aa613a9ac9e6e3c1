// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier/flat';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { LAYERS } from './layers.mjs';

/** Each layer of src/ may not import any layer listed above it. */
const layerZones = LAYERS.slice(1).map((layer, i) => ({
  target: `./src/${layer}`,
  from: LAYERS.slice(0, i + 1).map((above) => `./src/${above}`),
  message: `${layer} is below these in the README's Layout (layers.mjs): import downward only.`,
}));

/** Not type-aware on purpose: the type-checker runs in `npm test` already, and this stays fast. */
export default defineConfig(
  globalIgnores([
    'dist/',
    'dist-bench/',
    'coverage/',
    '.data/',
    'docs/',
    'tests/generated/',
    'tests/clients/relay/__generated__/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js'] })] },
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
    rules: {
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index']],
          'newlines-between': 'never',
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
      'import-x/no-duplicates': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'all',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // jest.config.js is CommonJS, run by Node directly.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
  {
    files: ['**/*.test.ts', 'tests/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
  },
  prettier,
);
