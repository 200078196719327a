// SHOPLINE shipping and discounts end to end: a fixture CSV built here → `validate --json` (real process), and the same
// file prepared and pushed to the rehearsal server over loopback; the stored orders carry the lines and totals.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startJob } from '../../src-main/core/upload'
import type { Sandbox } from '../../src-main/sandbox'
import { HISTORICAL_DELIVERY_ID, IMPORTED_PAYMENT_ID } from '../../src-main/sandbox/shopline/seed'
import { prepareFile } from '../../src-main/cli/prepare-file'
import { jobOptions, sandbox, tempDir, testEnv } from './push-fixtures'

const ROOT = resolve(__dirname, '..', '..')
const IDS = { deliveryOptionId: HISTORICAL_DELIVERY_ID, paymentMethodId: IMPORTED_PAYMENT_ID }
let dir: string
let file: string

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
  dir = mkdtempSync(join(tmpdir(), 'od-shopline-money-'))
  file = join(dir, 'orders.csv')
  // Headers chosen so auto-mapping finds every field (運費, 優惠折抵, 紅利折抵, 訂單總額) without a mapping file.
  writeFileSync(
    file,
    [
      '訂單編號,Email,商品名稱,單價,數量,運費,優惠折抵,紅利折抵,訂單總額',
      'S-1,a@example.com,茶葉,600,2,60,100,,1160',
      'S-2,b@example.com,茶壺,"1,200.50",1,80,,30.25,1549.95',
      'S-2,,茶杯,99.90,3,,,,',
      'S-3,c@example.com,茶盤,1200,1,,,,1500'
    ].join('\n')
  )
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('validate --json', () => {
  it('auto-maps shipping and discounts, builds the lines, and names the order whose total does not add up', async () => {
    const { code, stdout } = await validate(
      file,
      '--target',
      'shopline.orders',
      '--delivery-option-id',
      'd',
      '--payment-method-id',
      'p',
      '--json',
      '--lang',
      'zh-TW'
    )
    expect(code).toBe(1)
    const out = JSON.parse(stdout)
    expect(out.mapping).toMatchObject({
      shipping_fee: { column: '運費' },
      discount: { column: '優惠折抵' },
      discount_points: { column: '紅利折抵' },
      order_total: { column: '訂單總額' }
    })
    expect(out.summary).toMatchObject({ valid: 2, invalid: 1 })
    const s1 = out.records.find((r: { row: number }) => r.row === 2).payload.order
    expect(s1.items.slice(1)).toEqual([
      { item_type: 'CustomProduct', item_price: 60, quantity: 1, total: 60, item_data: { name: '運費', price: '60' } },
      { item_type: 'CustomDiscount', item_price: 100, total: 100, item_data: { name: '優惠折抵' } }
    ])
    expect([s1.subtotal, s1.total]).toEqual([1260, 1160])
    const bad = out.issues.find((i: { code: string }) => i.code === 'order_total_mismatch')
    expect(bad).toMatchObject({ row: 5, column: '訂單總額', severity: 'error' })
    expect(bad.message).toContain('訂單 S-3 的商品合計 1,200，但訂單總額欄是 1,500，差 300（第 5 列）')
  }, 60_000)

  it('--shipping in-remarks keeps the fee out of the lines; a bad value is a usage error', async () => {
    const { stdout } = await validate(
      file,
      '--target',
      'shopline.orders',
      '--delivery-option-id',
      'd',
      '--payment-method-id',
      'p',
      '--json',
      '--shipping',
      'in-remarks'
    )
    const s1 = JSON.parse(stdout).records.find((r: { row: number }) => r.row === 2).payload.order
    expect(s1.items.map((i: { item_type: string }) => i.item_type)).toEqual(['CustomProduct', 'CustomDiscount'])
    expect([s1.subtotal, s1.total]).toEqual([1200, 1100])
    expect(s1.order_remarks).toContain('運費 Shipping: 60')
    const wrong = await validate(file, '--target', 'shopline.orders', '--json', '--shipping', 'both')
    expect(wrong.code).toBe(2)
    expect(JSON.parse(wrong.stdout).error.message).toContain('as-line or in-remarks')
  }, 60_000)
})

describe('push to the rehearsal server', () => {
  let sb: Sandbox
  let tmp: ReturnType<typeof tempDir>
  afterEach(async () => {
    await sb.close()
    tmp.cleanup()
  })

  for (const mode of ['as-line', 'in-remarks'] as const) {
    it(`stores the orders with their lines and totals (shipping ${mode})`, async () => {
      sb = await sandbox()
      tmp = tempDir()
      const prepared = await prepareFile({ file, target: 'shopline.orders', shopline: IDS, shipping: { mode } })
      if (!prepared.ok) throw new Error(prepared.error.message)
      const records = prepared.preparation.records.filter((r) => r.valid)
      expect(records.map((r) => r.key)).toEqual(['S-1', 'S-2'])
      const res = await startJob({
        records,
        options: jobOptions('shopline.orders', sb.shoplineBaseUrl, IDS),
        env: testEnv(tmp.dir)
      }).done
      expect(res.summary).toMatchObject({ created: 2, failed: 0 })
      type Money = { dollars: number }
      const [s1, s2] = sb.state.shoplineOrders as unknown as {
        subtotal: Money
        total: Money
        order_discount: Money
        order_remarks: string
        subtotal_items: unknown
        custom_discount_items: unknown
      }[]
      type Line = { item_type: string; title_translations: Record<string, string>; total: { dollars: number } }
      const kinds = (o: typeof s1) =>
        [...(o.subtotal_items as Line[]), ...(o.custom_discount_items as Line[])].map(
          (i) => `${i.item_type}:${i.title_translations['zh-hant']}:${i.total.dollars}`
        )
      if (mode === 'as-line') {
        expect(kinds(s1)).toEqual(['CustomProduct:茶葉:1200', 'CustomProduct:運費:60', 'CustomDiscount:優惠折抵:100'])
        expect([s1.subtotal.dollars, s1.total.dollars, s1.order_discount.dollars]).toEqual([1260, 1160, 100])
        // 1,200.50 + 3 × 99.90 + 80 − 30.25 = 1,549.95, exactly the mapped total
        expect(kinds(s2)).toEqual([
          'CustomProduct:茶壺:1200.5',
          'CustomProduct:茶杯:299.7',
          'CustomProduct:運費:80',
          'CustomDiscount:紅利折抵:30.25'
        ])
        expect([s2.subtotal.dollars, s2.total.dollars]).toEqual([1580.2, 1549.95])
      } else {
        expect(kinds(s1)).toEqual(['CustomProduct:茶葉:1200', 'CustomDiscount:優惠折抵:100'])
        expect([s1.subtotal.dollars, s1.total.dollars]).toEqual([1200, 1100])
        expect(s1.order_remarks).toBe('Original order no. 原訂單編號: S-1 | 運費 Shipping: 60')
        expect([s2.subtotal.dollars, s2.total.dollars]).toEqual([1500.2, 1469.95])
      }
    }, 30_000)
  }
})
