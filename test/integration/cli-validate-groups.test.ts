// `validate --json` on item rows: a 帳獸 order made of scattered rows is one record listing all its rows, its amount
// the decimal sum of its lines; a --mapping file with a derived field fills it per row. Real process, files built here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '..', '..')
let dir: string

function validate(...args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src-main', 'cli.ts'), 'validate', ...args], {
      cwd: ROOT
    })
    let stdout = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000)
    child.on('error', fail)
    child.on('close', (code) => {
      clearTimeout(timer)
      done({ code, stdout })
    })
  })
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'od-cli-groups-'))
  writeFileSync(
    join(dir, 'items.csv'),
    [
      '訂單編號,Email,商品,單價,數量,付款方式',
      'G-1,a@example.com,茶葉,350,2,信用卡',
      'G-2,b@example.com,茶壺,"1,200.50",1,ATM',
      'G-1,,茶杯,99.90,3,',
      'G-3,c@example.com,茶盤,10,1,信用卡',
      'G-1,x@example.com,茶巾,0.10,1,信用卡'
    ].join('\n')
  )
  writeFileSync(
    join(dir, 'mapping.json'),
    JSON.stringify({
      order_no: { column: '訂單編號' },
      customer_email: { column: 'Email' },
      payment_method: { column: '付款方式' },
      amount: { derive: { kind: 'sum', add: ['單價'], subtract: [] } }
    })
  )
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('validate --json with item rows', () => {
  it('records list every row of their order; the amount is Σ price × quantity; a disagreeing e-mail names both rows', async () => {
    const run = await validate(join(dir, 'items.csv'), '--target', 'zangsho.orders', '--json')
    expect(run.code).toBe(1)
    const out = JSON.parse(run.stdout)
    expect(out.mapping).toMatchObject({ 'items.item_price': { column: '單價' }, 'items.quantity': { column: '數量' } })
    expect(out.mapping.amount).toBeUndefined()
    expect(
      out.records.map((r: { row: number; rows: number[]; valid: boolean; payload: { amount?: string } }) => [
        r.row,
        r.rows,
        r.valid,
        r.payload.amount
      ])
    ).toEqual([
      [2, [2, 4, 6], false, '999.80'],
      [3, [3], true, '1200.50'],
      [5, [5], true, '10.00'] // G-1: 700 + 299.70 + 0.10
    ])
    expect(
      out.issues.map((i: { row: number; code: string; field: string; column: string }) => [
        i.row,
        i.code,
        i.field,
        i.column
      ])
    ).toEqual([[6, 'group_conflict', 'customer_email', 'Email']])
    expect(out.issues[0].message).toContain(
      'order G-1 (rows 2, 4, 6) has "a@example.com" in row 2 but "x@example.com" in row 6'
    )
  })

  it('a --mapping file with a derive entry: the derived amount per row, then one order per number', async () => {
    const out = JSON.parse(
      (
        await validate(
          join(dir, 'items.csv'),
          '--target',
          'zangsho.orders',
          '--json',
          '--mapping',
          join(dir, 'mapping.json')
        )
      ).stdout
    )
    expect(out.mapping.amount).toEqual({ derive: { kind: 'sum', add: ['單價'], subtract: [] } })
    expect(
      out.records.map((r: { rows: number[]; payload: { amount?: string } }) => [r.rows, r.payload.amount])
    ).toEqual([
      [[2, 4, 6], '350.00'],
      [[3], '1200.50'],
      [[5], '10.00']
    ])
    expect(
      out.issues
        .filter((i: { code: string }) => i.code === 'group_conflict')
        .map((i: { field: string; row: number }) => [i.row, i.field])
    ).toEqual([
      [4, 'amount'],
      [6, 'customer_email'],
      [6, 'amount']
    ])
  })
})
