// Flow: customers taken from the events file too (an e-mail only the events know), and --report writes one file per step.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { runPush } from '../../src-main/cli/push'
import type { flowJson } from '../../src-main/cli/push-flow'
import { sandboxPerTest } from './push-fixtures'

type FlowJson = ReturnType<typeof flowJson>
const bed = sandboxPerTest()

function csv(dir: string, name: string, rows: string[][]): string {
  const path = join(dir, name)
  writeFileSync(path, rows.map((r) => r.join(',')).join('\n') + '\n')
  return path
}

describe('flow customers from the events file', () => {
  it('an e-mail only the events file knows becomes a customer before its events are sent; one report per step', async () => {
    const dir = bed.tmp.dir
    const orders = csv(dir, 'o.csv', [
      ['Order No', 'Amount', 'Customer Email', 'Customer Name', 'Status', 'Currency', 'Paid At'],
      ['EV-1', '100.00', 'amy@example.com', 'Amy', 'paid', 'TWD', '2025-11-30 10:15'],
      ['EV-2', '200.00', 'bo@example.com', 'Bo', 'paid', 'TWD', '2025-11-30 11:15']
    ])
    const events = csv(dir, 'e.csv', [
      ['客戶 Email', '事件類型', 'MRR 變化金額', '事件發生時間', '變更前金額', '變更後金額'],
      ['eve@example.com', 'created', '490.00', '2025-01-10T00:30:00Z', '0.00', '490.00'],
      ['eve@example.com', 'upgrade', '500.00', '2025-03-10T00:30:00Z', '490.00', '990.00'],
      ['amy@example.com', 'created', '490.00', '2025-02-10T00:30:00Z', '0.00', '490.00']
    ])
    let out = ''
    let err = ''
    const report = join(dir, 'out', 'results.xlsx')
    const code = await runPush(
      [
        '--file',
        `orders=${orders}`,
        '--file',
        `events=${events}`,
        '--base-url',
        bed.sb.zangshoBaseUrl,
        '--token-env',
        'TOK',
        '--journal-dir',
        join(dir, 'jobs'),
        '--timezone',
        'UTC',
        '--min-interval-ms',
        '5',
        '--report',
        report,
        '--json'
      ],
      {
        env: { TOK: 'rehearsal' },
        fetch: globalThis.fetch,
        stdout: { write: (s: string) => (out += s) },
        stderr: { write: (s: string) => (err += s) },
        signals: { on: () => undefined, off: () => undefined }
      }
    )
    expect(code, err).toBe(0)
    const json = JSON.parse(out) as FlowJson
    expect(json.steps.map((s) => [s.kind, s.derived, s.status, s.summary?.created])).toEqual([
      ['customers', true, 'finished', 3],
      ['orders', false, 'finished', 2],
      ['events', false, 'finished', 3]
    ])
    const customers = bed.sb.state.customers
    expect(customers.map((c) => c.email).sort()).toEqual(['amy@example.com', 'bo@example.com', 'eve@example.com'])
    const eve = customers.find((c) => c.email === 'eve@example.com')!
    expect(bed.sb.state.subscriptionEvents.filter((e) => e.customer_id === eve.id)).toHaveLength(2)
    // the customers POST came before the first event
    const posts = bed.sb.state.requestLog.filter((x) => x.method === 'POST').map((x) => x.path)
    expect(posts.findIndex((p) => p.endsWith('/customers/batch'))).toBeLessThan(
      posts.findIndex((p) => p.endsWith('/subscriptions/events'))
    )
    // one report per step that ran, named FILE-<n>-<kind>; the derived customers' report lists their e-mails
    const sheetOf = (path: string) => {
      const wb = XLSX.read(readFileSync(path))
      return XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]], { header: 1 })
    }
    const customersReport = sheetOf(join(dir, 'out', 'results-1-customers.xlsx'))
    expect(customersReport.slice(1).map((r) => r[0])).toEqual(['amy@example.com', 'bo@example.com', 'eve@example.com'])
    expect(customersReport.slice(1).every((r) => r[2] === 'created')).toBe(true)
    const ordersReport = sheetOf(join(dir, 'out', 'results-2-orders.xlsx'))
    expect(ordersReport.slice(1).map((r) => r[0])).toEqual(['EV-1', 'EV-2'])
    expect(existsSync(join(dir, 'out', 'results-3-events.xlsx'))).toBe(true)
  })
})
