// The compiled CLI `npm run build` emits into out/cli: plain `node out/cli/cli.js` (the package's `orderdock` bin),
// no tsx at run time, and the parse worker found and started from out/cli/parse.worker.js.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../..')
const CLI = join(ROOT, 'out/cli/cli.js')
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  bin: Record<string, string>
  scripts: Record<string, string>
}

// loaded with --import before the CLI: reports every worker the process starts, and whether tsx was ever loaded
const WATCH = `import { createRequire, syncBuiltinESMExports } from 'node:module'
const require = createRequire(import.meta.url)
const threads = require('node:worker_threads')
const Original = threads.Worker
threads.Worker = class extends Original {
  constructor(entry, options) {
    process.stderr.write('worker-entry: ' + (options && options.eval ? 'eval' : String(entry)) + '\\n')
    super(entry, options)
  }
}
syncBuiltinESMExports()
process.on('exit', () => {
  const tsx = Object.keys(require.cache).some((p) => /[\\\\/]tsx[\\\\/]/.test(p))
  process.stderr.write('tsx-loaded: ' + tsx + '\\n')
})
`

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'orderdock-cli-built-'))
  writeFileSync(join(dir, 'watch.mjs'), WATCH)
  const ws = XLSX.utils.aoa_to_sheet([
    ['訂單編號', '客戶Email', '金額', '付款狀態'],
    ['A001', 'ming@example.com', 'NT$1,990', '已付款'],
    ['A002', 'not-an-email', '990', '待付款']
  ])
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, ws, '訂單')
  writeFileSync(join(dir, 'orders.xlsx'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    // from a folder outside the repo, like an installed `orderdock` would be run
    const child = spawn(process.execPath, ['--import', join(dir, 'watch.mjs'), CLI, ...args], { cwd: dir })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', fail)
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

describe('the built CLI (out/cli)', () => {
  it('is the package bin and what `npm run cli` runs, with a node shebang', () => {
    expect(pkg.bin).toEqual({ orderdock: './out/cli/cli.js' })
    expect(pkg.scripts.cli).toBe('node out/cli/cli.js')
    expect(pkg.scripts.build).toContain('vite build --config vite.cli.config.ts')
    expect(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
    expect(existsSync(join(ROOT, 'out/cli/parse.worker.js'))).toBe(true)
  })

  it('validates an xlsx through the worker in out/cli, without tsx', async () => {
    const result = await run(['validate', join(dir, 'orders.xlsx'), '--target', 'zangsho.orders', '--json'])
    expect(result.code).toBe(1)
    const out = JSON.parse(result.stdout)
    expect(out).toMatchObject({ sheet: '訂單', headerRow: 1, summary: { rows: 2, valid: 1, invalid: 1 } })
    expect(out.records[0].payload).toMatchObject({ order_no: 'A001', amount: '1990.00', status: 'paid' })
    const entries = [...result.stderr.matchAll(/^worker-entry: (.+)$/gm)].map((m) => m[1])
    expect(entries).toEqual([join(ROOT, 'out/cli/parse.worker.js')])
    expect(result.stderr).toContain('tsx-loaded: false')
  })

  it('prints its usage and exits 2 for an unknown command', async () => {
    const result = await run(['no-such-command'])
    expect(result.code).toBe(2)
    expect(result.stderr + result.stdout).toMatch(/validate/)
  })
})
