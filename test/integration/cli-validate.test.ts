// The `validate` CLI contract, end to end: a real process (tsx src-main/cli.ts) on files written here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import * as XLSX from 'xlsx'
import iconv from 'iconv-lite'
import { PUBLIC_SAMPLES_DIR, hasPublicSamples } from '../public-samples'

const ROOT = resolve(__dirname, '..', '..')

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src-main', 'cli.ts'), 'validate', ...args], {
      cwd: ROOT
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000)
    child.on('error', fail)
    child.on('close', (code) => {
      clearTimeout(timer)
      done({ code, stdout, stderr })
    })
  })
}

/** Exactly one JSON object on stdout. */
function json(run: Run) {
  const text = run.stdout.trim()
  expect(text.split('\n')).toHaveLength(1)
  return JSON.parse(text)
}

let dir: string
const file = (name: string) => join(dir, name)

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'orderdock-validate-'))
  // xlsx: a title row and an export-time row above the header (row 3); row 6 has a bad e-mail
  const ws = XLSX.utils.aoa_to_sheet([
    ['好物小舖 訂單匯出'],
    ['匯出時間: 2026-01-09 08:00'],
    ['訂單編號', '客戶姓名', '客戶Email', '金額', '付款狀態', '付款方式', '付款時間'],
    ['A001', '王小明', 'ming@example.com', 'NT$1,990', '已付款', '信用卡', 0],
    ['A002', '陳美麗', 'meili@example.com', '990', '待付款', 'ATM轉帳', ''],
    ['A003', '林志豪', 'not-an-email', '1,200.50', '已付款', '超商代碼', 0]
  ])
  ws['G4'] = { t: 'n', v: 46031 + 8 / 24, z: 'yyyy/m/d hh:mm' } // 2026-01-09 08:00 Taipei
  ws['G6'] = { t: 'n', v: 46032.5, z: 'yyyy/m/d hh:mm' }
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['說明：訂單在下一頁']]), '說明')
  XLSX.utils.book_append_sheet(wb, ws, '訂單')
  writeFileSync(file('orders.xlsx'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }))
  // CSV: a quoted note spans lines 2-3, a blank line 5, and the bad amount sits on line 6
  writeFileSync(
    file('orders.csv'),
    'Order No.,Customer Email,Amount,Status,Note\nE1,a@example.com,100,Paid,"two\nlines"\nE2,b@example.com,200,Pending,\n\nE3,c@example.com,abc,Pending,\n'
  )
  writeFileSync(
    file('good.csv'),
    'order_no,customer_email,amount,status,paid_at\nG1,g1@example.com,"1,990",pending,\nG2,g2@example.com,990,paid,2026-01-09T08:00:00+08:00\n'
  )
  writeFileSync(
    file('big5.csv'),
    iconv.encode('訂單編號,客戶姓名,Email,金額,付款狀態\r\nB1,張雅婷,yating@example.com,"1,990",待付款\r\n', 'cp950')
  )
  writeFileSync(file('bad-mapping.json'), JSON.stringify({ order_no: '訂單編號' }))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('validate --json', () => {
  it('reports an xlsx with title rows: Excel row numbers, payloads, exit 1 for an invalid row', async () => {
    const run = await cli(file('orders.xlsx'), '--target', 'zangsho.orders', '--json')
    expect(run.code).toBe(1)
    const out = json(run)
    expect(Object.keys(out)).toEqual([
      'file',
      'sheet',
      'headerRow',
      'encoding',
      'target',
      'source',
      'timezone',
      'mapping',
      'summary',
      'issues',
      'records'
    ])
    expect(out).toMatchObject({
      file: file('orders.xlsx'),
      sheet: '訂單',
      headerRow: 3,
      encoding: null,
      target: 'zangsho.orders',
      timezone: 'Asia/Taipei'
    })
    expect(out.mapping).toMatchObject({
      order_no: { column: '訂單編號' },
      customer_email: { column: '客戶Email' },
      amount: { column: '金額' }
    })
    expect(out.summary).toEqual({ rows: 3, valid: 2, invalid: 1, warnings: 0 })
    expect(out.records.map((r: { row: number; rows: number[]; valid: boolean }) => [r.row, r.rows, r.valid])).toEqual([
      [4, [4], true],
      [5, [5], true],
      [6, [6], false]
    ])
    expect(out.records[0].payload).toMatchObject({
      order_no: 'A001',
      amount: '1990.00',
      status: 'paid',
      payment_method: 'credit_card',
      paid_at: '2026-01-09T00:00:00Z'
    })
    const emailIssue = out.issues.find((i: { field: string }) => i.field === 'customer_email')
    expect(emailIssue).toMatchObject({ row: 6, column: '客戶Email', severity: 'error' })
    expect(Object.keys(emailIssue)).toEqual(['row', 'field', 'column', 'severity', 'code', 'message'])
    expect(emailIssue.message).toContain('not-an-email')
  })

  it('numbers CSV issues by line, skips blank rows silently, and takes a --mapping file of the same shape', async () => {
    const first = await cli(file('orders.csv'), '--target', 'zangsho.orders', '--json', '--timezone', 'Asia/Tokyo')
    expect(first.code).toBe(1)
    const out = json(first)
    expect(out.encoding).toBe('utf-8')
    expect(out.timezone).toBe('Asia/Tokyo')
    expect(out.summary.rows).toBe(3)
    expect(out.records.map((r: { row: number }) => r.row)).toEqual([2, 4, 6])
    expect(
      out.issues
        .filter((i: { severity: string }) => i.severity === 'error')
        .map((i: { row: number; field: string }) => [i.row, i.field])
    ).toEqual([[6, 'amount']])
    expect(out.issues.some((i: { row: number }) => i.row === 5)).toBe(false)

    const mapping = { ...out.mapping, currency: { constant: 'TWD' } }
    writeFileSync(file('mapping.json'), JSON.stringify(mapping))
    const second = json(
      await cli(file('orders.csv'), '--target', 'zangsho.orders', '--json', '--mapping', file('mapping.json'))
    )
    expect(second.mapping).toEqual(mapping)
    expect(second.records[0].payload.currency).toBe('TWD')
  })

  it('exits 0 when every record is valid, and reads Big5 text', async () => {
    const [good, big5] = await Promise.all([
      cli(file('good.csv'), '--target', 'zangsho.orders', '--json'),
      cli(file('big5.csv'), '--target', 'zangsho.orders', '--json')
    ])
    expect(good.code).toBe(0)
    const g = json(good)
    expect(g.summary).toEqual({ rows: 2, valid: 2, invalid: 0, warnings: 0 })
    expect(g.records[1].payload.paid_at).toBe('2026-01-09T00:00:00Z')
    expect(big5.code).toBe(0)
    const b = json(big5)
    expect(b.encoding).toBe('big5')
    expect(b.records[0].payload).toMatchObject({ order_no: 'B1', customer_name: '張雅婷', amount: '1990.00' })
  }, 120_000)

  it.skipIf(!hasPublicSamples)(
    'groups SHOPLINE line items of the real Shopify export (rows lists every source row)',
    async () => {
      const run = await cli(
        `${PUBLIC_SAMPLES_DIR}/shopify-orders-export.csv`,
        '--target',
        'shopline.orders',
        '--json',
        '--delivery-option-id',
        'd1',
        '--payment-method-id',
        'p1'
      )
      const out = json(run)
      expect([0, 1]).toContain(run.code)
      expect(out.headerRow).toBe(1)
      const multi = out.records.find((r: { rows: number[] }) => r.rows.length > 1)
      expect(multi).toBeDefined()
      expect(multi.row).toBe(multi.rows[0])
      expect(out.records.length).toBeLessThan(40)
    }
  )
})

describe('validate usage and file errors (exit 2)', () => {
  it('unknown target, missing file, missing arguments and a bad mapping file', async () => {
    const [target, missing, noFile, badRow, badMapping] = await Promise.all([
      cli(file('good.csv'), '--target', 'zangsho.nope', '--json'),
      cli(file('missing.xlsx'), '--target', 'zangsho.orders', '--json'),
      cli('--target', 'zangsho.orders'),
      cli(file('good.csv'), '--target', 'zangsho.orders', '--header-row', 'x', '--json'),
      cli(file('good.csv'), '--target', 'zangsho.orders', '--mapping', file('bad-mapping.json'), '--json')
    ])
    for (const run of [target, missing, noFile, badRow, badMapping]) {
      expect(run.code).toBe(2)
      expect(run.stderr.length).toBeGreaterThan(0)
    }
    expect(json(target).error.code).toBe('unknown_target')
    expect(json(missing).error).toMatchObject({ code: 'not_found' })
    expect(json(missing).error.message).toContain('missing.xlsx')
    expect(noFile.stdout).toBe('') // without --json nothing goes to stdout
    expect(json(badRow).error.code).toBe('usage')
    expect(json(badMapping).error.code).toBe('bad_mapping')
  }, 180_000)

  it('a readable summary and issue table without --json, in zh-TW on request', async () => {
    const run = await cli(
      file('orders.xlsx'),
      '--target',
      'zangsho.orders',
      '--lang',
      'zh-TW',
      '--sheet',
      '訂單',
      '--header-row',
      '3'
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('共 3 列：2 筆可匯入，1 筆有錯誤')
    expect(run.stdout).toMatch(/\n6\s+錯誤\s+customer_email\s+客戶Email/)
  })
})
