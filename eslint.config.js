// Lint: TypeScript rules everywhere, React hooks rules in the renderer, no electron in core, and the module boundaries:
// the renderer imports only types from src-main, core/ imports nothing from services/ipc/app/cli, no import cycles.
import js from '@eslint/js'
import { importX } from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import orderdock from './scripts/eslint-no-type-cycle.js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'release-test/**',
      'node_modules/**',
      'test/e2e/screenshots/**',
      'coverage/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error'
    }
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // TanStack Virtual is the grid's engine; the compiler's "skip memoizing" notice is expected there, not a defect
      'react-hooks/incompatible-library': 'off'
    }
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'core/ stays Electron-free: pass side effects in.' }] }
      ]
    }
  },
  {
    files: ['src-main/**/*.ts', 'src-renderer/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX, orderdock },
    settings: {
      // .ts/.tsx parsed with the TypeScript parser (without this, no-cycle never looks inside a .ts module)
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.node.json', 'tsconfig.web.json'],
          noWarnOnMultipleProjects: true
        })
      ]
    },
    rules: {
      // value cycles, resolved like TypeScript does; orderdock/no-import-cycle adds the type-only ones no-cycle skips
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'orderdock/no-import-cycle': 'error',
      // core/ is the pure layer: types included, it never reaches up into the Electron/IPC/CLI shells
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src-main/core',
              from: [
                './src-main/services',
                './src-main/ipc',
                './src-main/app',
                './src-main/cli',
                './src-main/cli.ts',
                './src-main/index.ts',
                './src-main/preload.ts'
              ],
              message: 'core/ imports nothing from services/, ipc/, app/ or cli/: pass what it needs in.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main', '**/src-main/**'],
              allowTypeImports: true,
              message:
                'The renderer takes only types from src-main (`import type`); everything else goes through window.orderdock.'
            }
          ]
        }
      ]
    }
  }
)
