// Prettier matches the tree's style (no semicolons, single quotes, ~120 columns, no trailing commas) and has scripts.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import * as prettier from 'prettier'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../..')

describe('prettier config', () => {
  it('formats a snippet of this codebase the way it is already written', async () => {
    const file = resolve(ROOT, 'src-main/app/probe.ts')
    const options = await prettier.resolveConfig(file)
    expect(options).toMatchObject({ semi: false, singleQuote: true, printWidth: 120, trailingComma: 'none' })
    const source =
      'const greeting = "hi";\nexport const list = [1, 2, 3,];\nexport const f = (x: number) => ({ a: x, b: "b", });\n'
    const formatted = await prettier.format(source, { ...options, filepath: file })
    expect(formatted).toBe(
      "const greeting = 'hi'\nexport const list = [1, 2, 3]\nexport const f = (x: number) => ({ a: x, b: 'b' })\n"
    )
    expect(await prettier.check(formatted, { ...options, filepath: file })).toBe(true)
  })

  it('ignores build output, the lockfile and resources', async () => {
    for (const path of ['out/main/index.js', 'package-lock.json', 'resources/samples/x.csv']) {
      expect(
        (await prettier.getFileInfo(resolve(ROOT, path), { ignorePath: resolve(ROOT, '.prettierignore') })).ignored,
        path
      ).toBe(true)
    }
    expect(
      (await prettier.getFileInfo(resolve(ROOT, 'src-main/index.ts'), { ignorePath: resolve(ROOT, '.prettierignore') }))
        .ignored
    ).toBe(false)
  })

  it('has format and format:check scripts', () => {
    const { scripts } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    expect(scripts.format).toBe('prettier --write .')
    expect(scripts['format:check']).toBe('prettier --check .')
    // the README's test command checks the format first
    expect(scripts.test.startsWith('npm run format:check && ')).toBe(true)
  })
})
