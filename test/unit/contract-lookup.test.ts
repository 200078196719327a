// Lookups over the contract: a Shopee export lacks the buyer e-mail (said once per file); a customers file chosen in the
// app fills it by phone; the lookup is described in words, saved with the session and re-applied on restore.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LookupFileView, PreparePage, PrepareView, Result, WorkbookView } from '../../src-main/ipc/contract'
import { createServices, type OrderDockServices } from '../../src-main/services'
import { dispatch } from '../../src-main/services/dispatch'
import { SHOPEE_HEADERS } from '../../src-main/core/sources/layouts/shopee'

let root: string
let services: OrderDockServices
const make = () =>
  createServices({
    dataDir: join(root, 'data'),
    fetch,
    now: () => new Date('2026-01-09T00:00:00Z'),
    resourcesDir: join(root, 'resources')
  })

const row = (values: Record<string, string>) =>
  SHOPEE_HEADERS.map((h) => values[h] ?? '')
    .map((v) => (v.includes(',') ? `"${v}"` : v))
    .join(',')
const order = (no: string, account: string, phone: string) =>
  row({
    訂單編號: no,
    訂單狀態: '已完成',
    買家帳號: account,
    買家總支付金額: '990',
    付款方式: '信用卡/金融卡',
    買家付款時間: '2024-01-01 10:01',
    收件者電話: phone
  })
const SHOPEE = [
  SHOPEE_HEADERS.join(','),
  order('A1', 'ming88', '0912-345-678'),
  order('A2', 'hua77', '+886 922 111 222'),
  order('A3', 'lin', '0933000111')
].join('\n')
const CUSTOMERS = ['姓名,手機,Email', '王小明,912345678,ming@example.com', '陳大華,0922111222,HUA@example.com'].join(
  '\n'
)

async function call<T>(method: string, args: unknown, on = services): Promise<Result<T>> {
  return (await dispatch(on.methods, method, args)) as Result<T>
}
async function value<T>(method: string, args: unknown, on = services): Promise<T> {
  const result = await call<T>(method, args, on)
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`)
  return result.value
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'orderdock-lookup-'))
  services = make()
})
afterAll(async () => {
  await services.dispose?.()
  rmSync(root, { recursive: true, force: true })
})

describe('a lookup over the contract', () => {
  it('missing e-mail said once; a customers file fills it by phone; restored with the session', async () => {
    const wb = await value<WorkbookView>('workbook.open', {
      name: 'shopee.csv',
      bytes: new TextEncoder().encode(SHOPEE)
    })
    const prep = await value<PrepareView>('prepare.start', { sessionId: wb.sessionId, target: 'zangsho.orders' })
    expect(prep.fileIssues?.map((i) => i.field)).toEqual(['customer_email'])
    expect(prep.fileIssues?.[0].messageZh).toMatch(/^這個檔案沒有客戶 Email。蝦皮匯出檔沒有買家 Email/)
    const rows = await value<PreparePage>('prepare.rows', {
      prepId: prep.prepId,
      offset: 0,
      limit: 10,
      filter: 'errors'
    })
    expect(rows.rows.flatMap((r) => r.issues).filter((i) => i.field === 'customer_email')).toHaveLength(1) // not one per row

    const file = await value<LookupFileView>('prepare.lookupFile', {
      prepId: prep.prepId,
      name: 'customers.csv',
      bytes: new TextEncoder().encode(CUSTOMERS)
    })
    expect(file.headers).toEqual(['姓名', '手機', 'Email'])
    const bad = await call('prepare.setLookup', {
      prepId: prep.prepId,
      field: 'customer_email',
      lookup: {
        fileId: file.fileId,
        name: 'customers.csv',
        keyColumn: '手機',
        valueColumn: 'E-mail',
        mainKeyColumn: '收件者電話'
      }
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_lookup', file: 'customers.csv' } })
    expect(JSON.stringify(bad)).toContain('customers.csv has no column \\"E-mail\\"')

    const done = await value<PrepareView>('prepare.setLookup', {
      prepId: prep.prepId,
      field: 'customer_email',
      lookup: {
        fileId: file.fileId,
        name: 'customers.csv',
        keyColumn: '手機',
        valueColumn: 'Email',
        mainKeyColumn: '收件者電話'
      }
    })
    expect(done.fileIssues).toEqual([])
    expect(done.mapping.customer_email).toEqual({ column: 'Email ← customers.csv' })
    expect(done.confidence.customer_email).toBeUndefined() // chosen by the user, not rated by the header's words
    expect(done.source?.lacks).toEqual([]) // filled: the banner no longer repeats what the export lacks
    expect(done.lookups).toEqual([
      expect.objectContaining({
        field: 'customer_email',
        found: 2,
        problems: 1,
        description: {
          'zh-TW': '從 customers.csv 以 收件者電話 = 手機 對應 Email',
          en: 'Email from customers.csv, matched by 收件者電話 = 手機'
        }
      })
    ])
    expect(done.summary).toMatchObject({ rows: 3, valid: 2, invalid: 1 })
    const errors = await value<PreparePage>('prepare.rows', {
      prepId: prep.prepId,
      offset: 0,
      limit: 10,
      filter: 'errors'
    })
    expect(errors.rows.map((r) => [r.rowNumber, r.issues.map((i) => i.code)])).toEqual([[4, ['lookup_unmatched']]])
    expect(errors.rows[0].issues[0].message).toContain('"0933000111" is not in customers.csv')

    // correcting the key in the grid looks it up again
    const fixed = await value<{ row: { issues: unknown[] }; summary: { valid: number } }>('prepare.editCell', {
      prepId: prep.prepId,
      row: 4,
      column: '收件者電話',
      value: '0922 111 222'
    })
    expect(fixed.row.issues).toEqual([])
    expect(fixed.summary.valid).toBe(3)
    await value('prepare.editCell', { prepId: prep.prepId, row: 4, column: '收件者電話', value: '0933000111' })
    // a template keeps the file's own columns, not the lookup's (it belongs to this session's second file)
    const template = await value<{ headers: string[] }>('templates.save', { prepId: prep.prepId, name: 'Shopee' })
    expect(template.headers).toEqual([...SHOPEE_HEADERS])

    // quit (pending saves flushed) and start a fresh app on the same data dir: the session comes back with its lookup
    await services.dispose?.()
    services = make()
    const again = services
    {
      const restored = await value<{ prep: PrepareView }>('sessions.restore', { id: prep.prepId }, again)
      expect(restored.prep.lookups?.map((l) => l.description['zh-TW'])).toEqual([
        '從 customers.csv 以 收件者電話 = 手機 對應 Email'
      ])
      expect(restored.prep.summary).toMatchObject({ rows: 3, valid: 2, invalid: 1 })
      const removed = await value<PrepareView>(
        'prepare.setLookup',
        { prepId: prep.prepId, field: 'customer_email', lookup: null },
        again
      )
      expect(removed.lookups).toEqual([])
      expect(removed.mapping.customer_email).toBeUndefined()
      expect(removed.fileIssues?.map((i) => i.code)).toEqual(['file_lacks_field'])
    }
  })
})
