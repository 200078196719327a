// The module boundaries in eslint.config.js fire on real code: renderer → src-main values, core → shells, import cycles
// (type-only ones too). Each case lints a snippet as if it were a file in the tree, with the project's own config.
import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: plain .js ESLint plugin without types
import { localImports, pathBack } from '../../scripts/eslint-no-type-cycle.js'

const ROOT = resolve(__dirname, '../..')
const eslint = new ESLint({ cwd: ROOT })

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) })
  return result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`)
}

describe('renderer → src-main: types only', () => {
  it('refuses a value import and allows `import type`', async () => {
    const value = await ruleIds(
      'src-renderer/src/boundary-probe.ts',
      "import { METHOD_NAMES } from '../../src-main/ipc/contract'\nexport const n = METHOD_NAMES.length\n"
    )
    expect(value).toContain('@typescript-eslint/no-restricted-imports')
    const types = await ruleIds(
      'src-renderer/src/boundary-probe.ts',
      "import type { ApiError } from '../../src-main/ipc/contract'\nexport type E = ApiError\n"
    )
    expect(types).toEqual([])
  })
})

describe('core/ → services, ipc, app, cli: nothing, not even types', () => {
  it.each([
    ["import { dispatch } from '../../services/dispatch'\nexport const d = dispatch\n", 'services'],
    ["import type { ApiError } from '../../ipc/contract'\nexport type E = ApiError\n", 'ipc (type-only)'],
    ["import { isAllowedExternalUrl } from '../../app/window-options'\nexport const a = isAllowedExternalUrl\n", 'app'],
    ["import { runCli } from '../../cli/main'\nexport const r = runCli\n", 'cli']
  ])('%s is refused (%s)', async (code) => {
    expect(await ruleIds('src-main/core/workbook/boundary-probe.ts', code)).toContain('import-x/no-restricted-paths')
  })

  it('core importing core is fine', async () => {
    expect(
      await ruleIds(
        'src-main/core/workbook/boundary-probe.ts',
        "import type { ReadLimits } from './types'\nexport type L = ReadLimits\n"
      )
    ).toEqual([])
  })
})

describe('import cycles', () => {
  it('a value cycle is reported by import-x/no-cycle and orderdock/no-import-cycle', async () => {
    // contract.ts re-exports channels.ts, so channels.ts importing contract.ts closes a loop
    const ids = await ruleIds(
      'src-main/ipc/channels.ts',
      "import { LANGUAGES } from './contract'\nexport const all = LANGUAGES\n"
    )
    expect(ids).toContain('import-x/no-cycle')
    expect(ids).toContain('orderdock/no-import-cycle')
  })

  it('a type-only cycle (the old contract ↔ profiles-contract one) is reported by orderdock/no-import-cycle', async () => {
    const ids = await ruleIds(
      'src-main/ipc/profiles-contract.ts',
      "import type { ApiError } from './contract'\nexport type E = ApiError\n"
    )
    expect(ids).not.toContain('import-x/no-cycle')
    expect(ids).toContain('orderdock/no-import-cycle')
  })

  it('the contract modules share their types through shared-contract.ts and form no cycle', () => {
    const ipc = (name: string) => resolve(ROOT, 'src-main/ipc', name)
    for (const name of [
      'prepare-contract.ts',
      'profiles-contract.ts',
      'push-contract.ts',
      'shared-contract.ts',
      'channels.ts'
    ]) {
      expect(pathBack(ipc(name), ipc('contract.ts')), name).toBeNull()
    }
    expect(localImports(ipc('profiles-contract.ts'))).toContain(ipc('shared-contract.ts'))
    expect(localImports(ipc('prepare-contract.ts'))).toContain(ipc('shared-contract.ts'))
  })

  it('finds type imports, re-exports and dynamic imports but not commented-out ones', () => {
    const file = resolve(ROOT, 'src-main/ipc/probe.ts')
    const found = localImports(
      file,
      "import type { A } from './contract'\nexport * from './channels'\nconst m = import('./register')\n// import { x } from './push-contract'\n"
    )
    expect(found.map((p: string) => p.slice(ROOT.length + 1).replaceAll('\\', '/')).sort()).toEqual([
      'src-main/ipc/channels.ts',
      'src-main/ipc/contract.ts',
      'src-main/ipc/register.ts'
    ])
  })
})
