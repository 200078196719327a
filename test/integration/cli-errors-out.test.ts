// `orderdock validate --errors-out FILE.xlsx`: the rows with errors, their sheet row and messages, as string cells.
import { afterAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import * as XLSX from 'xlsx'

const ROOT = resolve(__dirname, '..', '..')
const dir = mkdtempSync(join(tmpdir(), 'orderdock-errors-out-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const validate = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src-main', 'cli.ts'), 'validate', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000
  })

describe('validate --errors-out', () => {
  it('writes only the rows with errors, with sheet row and English messages; a formula-looking value stays a string', () => {
    const csv = join(dir, 'orders.csv')
    writeFileSync(
      csv,
      '訂單編號,金額,Email,付款狀態\nA1,100,a@example.com,已付款\n=HYPERLINK("x"),abc,b@example.com,已付款\n'
    )
    const out = join(dir, 'errors.xlsx')
    const run = validate(csv, '--target', 'zangsho.orders', '--lang', 'en', '--errors-out', out)
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('Wrote 1 row with errors')
    const sheet = XLSX.read(readFileSync(out)).Sheets.Results
    const aoa = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 })
    expect(aoa[0]).toEqual(['Sheet row', '訂單編號', '金額', 'Email', '付款狀態', 'Problems'])
    expect(aoa[1].slice(0, 3)).toEqual([3, '=HYPERLINK("x")', 'abc'])
    expect(sheet.B2.f).toBeUndefined()
    expect(String(aoa[1][5])).toMatch(/金額: .*abc/)
  }, 70_000)

  it('refuses a file name that is not .xlsx (usage error, exit 2)', () => {
    const csv = join(dir, 'ok.csv')
    writeFileSync(csv, '訂單編號,金額\nA1,100\n')
    const run = validate(csv, '--target', 'zangsho.orders', '--errors-out', join(dir, 'x.csv'))
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('--errors-out must name an .xlsx file')
  }, 70_000)
})
