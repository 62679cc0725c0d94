import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      'data/**',
      // generated: migrations from the entities, GraphQL types from the schema
      'packages/server/src/migrations/**',
      'packages/web/src/gql/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // Decorated classes need their property types at run time (emitDecoratorMetadata): tell the
    // type-import rule so it never turns such an import into `import type`.
    files: ['packages/server/**/*.ts'],
    languageOptions: {
      parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true },
    },
  },
  {
    // CommonJS scripts (scripts/galera-cluster.cjs: loadable by Jest, the benchmark and .mjs alike)
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The shared package's wording in all four languages is the server's: the app words user
    // errors with the one language it loaded (src/components/form/user-error-message.ts).
    files: ['packages/web/src/**/*.{ts,tsx}'],
    ignores: ['**/__tests__/**', 'packages/web/src/test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@entry/shared',
              importNames: ['userErrorMessage', 'siteProblemMessage'],
              message:
                'It bundles all four languages: import it from src/components/form/user-error-message.ts.',
            },
          ],
        },
      ],
    },
  },
);
