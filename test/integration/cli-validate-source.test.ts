// `validate --json` names the recognized export (`source`), maps by its layout, and --no-source-layout turns that off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '..', '..')

function cli(...args: string[]): Promise<{ code: number | null; stdout: string }> {
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

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'orderdock-source-'))
  // A SHOPLINE 訂單報表 as merchants download it: 電郵 for e-mail, the gateway after the method, "-" for nothing.
  writeFileSync(
    join(dir, 'shopline.csv'),
    [
      '訂單號碼,訂單日期,訂單狀態,付款狀態,送貨狀態,顧客,電郵,付款方式,訂單合計,貨幣,訂單備註',
      '20240101001,2024-01-01 10:00,已確認,已付款,已發貨,王小明,ming@example.com,信用卡（SHOPLINE Payments）,"NT$1,990",TWD,-',
      '20240101002,2024-01-01 11:00,已確認,未付款,-,陳大華,hua@example.com,ATM 虛擬帳號,990,TWD,無'
    ].join('\n')
  )
  writeFileSync(join(dir, 'plain.csv'), ['訂單編號,金額,Email', 'A1,100,a@example.com'].join('\n'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('validate --json source', () => {
  it('a SHOPLINE order report is recognized and valid on the first try', async () => {
    const run = await cli(join(dir, 'shopline.csv'), '--target', 'zangsho.orders', '--json')
    const out = JSON.parse(run.stdout)
    expect(out.source).toBe('shopline.orders')
    expect(out.mapping.customer_email).toEqual({ column: '電郵' })
    expect(out.summary).toMatchObject({ rows: 2, valid: 2, invalid: 0 })
    expect(out.records[0].payload).toMatchObject({ payment_method: 'credit_card', status: 'paid', amount: '1990.00' })
    expect(run.code).toBe(0)
  })

  it("--no-source-layout: source null, mapping from the headers' words", async () => {
    const out = JSON.parse(
      (await cli(join(dir, 'shopline.csv'), '--target', 'zangsho.orders', '--no-source-layout', '--json')).stdout
    )
    expect(out.source).toBeNull()
    expect(out.mapping.customer_email).toEqual({ column: '電郵' }) // the synonyms know 電郵 too
  })

  it('an unknown layout: source null', async () => {
    const out = JSON.parse((await cli(join(dir, 'plain.csv'), '--target', 'zangsho.orders', '--json')).stdout)
    expect(out.source).toBeNull()
    expect(out.summary.valid).toBe(1)
  })

  it('the human report says what it recognized', async () => {
    const run = await cli(join(dir, 'shopline.csv'), '--target', 'zangsho.orders', '--lang', 'zh-TW')
    expect(run.stdout).toContain('已辨識: SHOPLINE 訂單報表')
  })
})
