import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'
import prettier from 'eslint-config-prettier'

export default defineConfigWithVueTs(
  { ignores: ['out/**', 'node_modules/**', '.duban-data/**', 'tests/.tmp/**'] },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/contract/**/*.ts', 'electron/cli/**/*.ts', 'electron/bridge/**/*.ts'],
    rules: {
      // The core runs without Electron: in tests, the CLI, the HTTP bridge and a future server.
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The core must not import electron.' }] }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.vue'],
    rules: {
      // The renderer speaks the contract only; the core is reached through invoke(), never imported.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/core', '**/electron/core/**'],
              message: 'The renderer imports from electron/contract (types, vocabulary), never from electron/core.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
)
void tseslint
