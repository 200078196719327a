// `validate --lookup`: a Shopee-like order file has no buyer e-mail; a customers export gives it by phone or account.
// The missing e-mail is said once per file (both languages); bad specs name the file and the column.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import * as XLSX from 'xlsx'

const ROOT = resolve(__dirname, '..', '..')

function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
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

let dir: string
const file = (name: string) => join(dir, name)
function writeXlsx(name: string, rows: (string | number)[][]): void {
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Sheet1')
  writeFileSync(file(name), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }))
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'orderdock-lookup-'))
  // Shopee 訂單匯出 (current layout, a few of its columns): no buyer e-mail, only 買家帳號 and the recipient's phone.
  writeXlsx('shopee.xlsx', [
    [
      '訂單編號',
      '訂單狀態',
      '買家帳號',
      '買家總支付金額',
      '蝦皮補助運費',
      '蝦幣折抵',
      '商品名稱',
      '收件者姓名',
      '收件者電話',
      '付款方式',
      '買家付款時間'
    ],
    [
      '2401010001',
      '已完成',
      'ming88',
      560,
      0,
      0,
      '烏龍茶',
      '王小明',
      '0912-345-678',
      '信用卡/金融卡',
      '2024-01-01 10:05'
    ],
    [
      '2401010002',
      '已完成',
      'hua_c',
      360,
      0,
      0,
      '綠茶',
      '陳大華',
      '+886 922 111 222',
      '信用卡/金融卡',
      '2024-01-02 10:05'
    ],
    ['2401010003', '已完成', 'Lin.Y', 990, 0, 0, '紅茶', '林一', '0933000111', '信用卡/金融卡', '2024-01-03 10:05']
  ])
  // A customers export from another system: phone stored as a number (leading 0 lost), e-mail in mixed case.
  writeXlsx('customers.xlsx', [
    ['顧客', '手機', '買家帳號', 'Email'],
    ['王小明', 912345678, 'ming88', 'Ming@Example.com'],
    ['陳大華', '0922-111-222', 'hua_c', 'hua@example.com'],
    ['林一', '0933 000 111', 'Lin.Y', 'lin@example.com']
  ])
  writeFileSync(
    file('customers-dup.csv'),
    [
      '手機,Email',
      '0912345678,ming@example.com',
      '0912345678,ming.wang@example.com',
      '0922111222,hua@example.com'
    ].join('\n')
  )
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('validate without a lookup: the missing e-mail is said once', () => {
  it("one file-level error (not one per row), with Shopee's reason, in English and 中文", async () => {
    const en = JSON.parse((await cli(file('shopee.xlsx'), '--target', 'zangsho.orders', '--json')).stdout)
    expect(en.summary).toMatchObject({ rows: 3, valid: 0, invalid: 3 })
    const emailIssues = en.issues.filter((i: { field: string }) => i.field === 'customer_email')
    expect(emailIssues).toHaveLength(1)
    expect(emailIssues[0].code).toBe('file_lacks_field')
    expect(emailIssues[0].message).toContain('This file has no Customer email. Shopee exports no buyer e-mail')
    const zh = await cli(file('shopee.xlsx'), '--target', 'zangsho.orders', '--lang', 'zh-TW')
    expect(zh.code).toBe(1)
    expect(zh.stdout).toContain('這個檔案沒有客戶 Email。蝦皮匯出檔沒有買家 Email')
    expect(zh.stdout.match(/這個檔案沒有客戶 Email/g)).toHaveLength(1)
  })
})

describe('validate --lookup', () => {
  it("by phone, with the main file's key column after @: every row valid, e-mails from the customers file", async () => {
    const run = await cli(
      file('shopee.xlsx'),
      '--target',
      'zangsho.orders',
      '--json',
      '--lookup',
      `customer_email=${file('customers.xlsx')}:手機:Email@收件者電話`
    )
    const out = JSON.parse(run.stdout)
    expect(out.summary).toMatchObject({ rows: 3, valid: 3, invalid: 0 })
    expect(out.mapping.customer_email).toEqual({ column: 'Email ← customers.xlsx' })
    expect(out.records.map((r: { payload: { customer_email: string } }) => r.payload.customer_email)).toEqual([
      'ming@example.com',
      'hua@example.com',
      'lin@example.com'
    ])
    expect(out.issues).toEqual([])
    expect(out.lookups).toEqual([
      {
        field: 'customer_email',
        fileName: 'customers.xlsx',
        keyColumn: '手機',
        valueColumn: 'Email',
        mainKeyColumn: '收件者電話',
        description: 'Email from customers.xlsx, matched by 收件者電話 = 手機'
      }
    ])
    expect(run.code).toBe(0)
  })

  it('by account, the key column found under the same header in the main file (no @)', async () => {
    const run = await cli(
      file('shopee.xlsx'),
      '--target',
      'zangsho.orders',
      '--lang',
      'zh-TW',
      '--lookup',
      `customer_email=${file('customers.xlsx')}:買家帳號:Email`
    )
    expect(run.stdout).toContain('查詢: 從 customers.xlsx 以 買家帳號 對應 Email')
    expect(run.stdout).toContain('共 3 列：3 筆可匯入，0 筆有錯誤')
  })

  it('ambiguous and unmatched keys are per-row errors naming both values / the file', async () => {
    const run = await cli(
      file('shopee.xlsx'),
      '--target',
      'zangsho.orders',
      '--json',
      '--lookup',
      `customer_email=${file('customers-dup.csv')}:手機:Email@收件者電話`
    )
    const out = JSON.parse(run.stdout)
    expect(run.code).toBe(1)
    expect(out.summary).toMatchObject({ rows: 3, valid: 1, invalid: 2 })
    expect(out.issues.map((i: { row: number; code: string }) => [i.row, i.code])).toEqual([
      [2, 'lookup_ambiguous'],
      [4, 'lookup_unmatched']
    ])
    expect(out.issues[0].message).toContain('"ming@example.com" (row 2) and "ming.wang@example.com" (row 3)')
    expect(out.issues[1].message).toContain('"0933000111" is not in customers-dup.csv (column "手機")')
  })

  it('bad specs and files: exit 2 with a message naming the file and the column', async () => {
    const [shape, noMainColumn, noValue, missing, field] = await Promise.all([
      cli(file('shopee.xlsx'), '--target', 'zangsho.orders', '--lookup', 'customer_email=customers.xlsx'),
      cli(
        file('shopee.xlsx'),
        '--target',
        'zangsho.orders',
        '--lookup',
        `customer_email=${file('customers.xlsx')}:手機:Email`
      ),
      cli(
        file('shopee.xlsx'),
        '--target',
        'zangsho.orders',
        '--lang',
        'zh-TW',
        '--lookup',
        `customer_email=${file('customers.xlsx')}:手機:電郵@收件者電話`
      ),
      cli(
        file('shopee.xlsx'),
        '--target',
        'zangsho.orders',
        '--lookup',
        `customer_email=${file('nope.xlsx')}:手機:Email@收件者電話`
      ),
      cli(
        file('shopee.xlsx'),
        '--target',
        'zangsho.orders',
        '--lookup',
        `mail=${file('customers.xlsx')}:手機:Email@收件者電話`
      )
    ])
    expect(shape.code).toBe(2)
    expect(shape.stderr).toContain('must look like FIELD=FILE:KEYCOLUMN:VALUECOLUMN')
    expect(noMainColumn.code).toBe(2)
    expect(noMainColumn.stderr).toContain('has no column "手機"')
    expect(noMainColumn.stderr).toContain('@COLUMN')
    expect(noValue.code).toBe(2)
    expect(noValue.stderr).toContain('customers.xlsx 沒有「電郵」欄')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('Cannot read the lookup file nope.xlsx')
    expect(field.code).toBe(2)
    expect(field.stderr).toContain('has no field "mail"')
  })
})
