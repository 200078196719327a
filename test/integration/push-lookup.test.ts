// `push --lookup`: a Shopee-like export without buyer e-mails is sent to the rehearsal server with the e-mails looked up
// in a customers file by phone; the orders arrive with those e-mails.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runPush } from '../../src-main/cli/push'
import type { Sandbox } from '../../src-main/sandbox'
import { sandbox, tempDir } from './push-fixtures'

let tmp: ReturnType<typeof tempDir>
let sb: Sandbox | null = null
beforeEach(() => {
  tmp = tempDir()
})
afterEach(async () => {
  await sb?.close()
  tmp.cleanup()
})

async function push(argv: string[]) {
  let out = ''
  let err = ''
  const code = await runPush(argv, {
    env: { TOK: 'rehearsal' },
    fetch: globalThis.fetch,
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    signals: { on: () => undefined, off: () => undefined }
  })
  return { code, out, err }
}

describe('push --lookup', () => {
  it('sends the orders with the e-mails found by phone in the customers file', async () => {
    const orders = join(tmp.dir, 'shopee.csv')
    writeFileSync(
      orders,
      [
        '訂單編號,訂單狀態,買家帳號,買家總支付金額,蝦皮補助運費,蝦幣折抵,收件者姓名,收件者電話,付款方式,買家付款時間',
        'S-1,已完成,ming88,560,0,0,王小明,0912-345-678,信用卡/金融卡,2024-01-01 10:05',
        'S-2,已完成,hua_c,360,0,0,陳大華,+886 922 111 222,信用卡/金融卡,2024-01-02 10:05'
      ].join('\n')
    )
    const customers = join(tmp.dir, 'customers.csv')
    writeFileSync(
      customers,
      ['姓名,手機,Email', '王小明,0912345678,ming@example.com', '陳大華,0922111222,hua@example.com'].join('\n')
    )
    sb = await sandbox()
    const base = [
      '--target',
      'zangsho.orders',
      '--base-url',
      sb.zangshoBaseUrl,
      '--token-env',
      'TOK',
      '--journal-dir',
      join(tmp.dir, 'jobs'),
      '--json'
    ]

    const refused = await push([orders, ...base]) // without the lookup no row can be sent
    expect(JSON.parse(refused.out).summary.created ?? 0).toBe(0)
    expect(sb.state.orders).toHaveLength(0)

    const run = await push([orders, ...base, '--lookup', `customer_email=${customers}:手機:Email@收件者電話`])
    expect(run.err).toBe('')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.out).summary.created).toBe(2)
    const emailOf = new Map(sb.state.customers.map((c) => [c.id, c.email]))
    expect(sb.state.orders.map((o) => [o.order_no, emailOf.get(o.customer_id)])).toEqual([
      ['S-1', 'ming@example.com'],
      ['S-2', 'hua@example.com']
    ])
  })

  it('a bad --lookup is a usage error naming the file', async () => {
    const orders = join(tmp.dir, 'o.csv')
    writeFileSync(orders, '訂單編號,金額,手機\nA,1,0912345678\n')
    const run = await push([
      orders,
      '--target',
      'zangsho.orders',
      '--base-url',
      'http://127.0.0.1:9/v1',
      '--token-env',
      'TOK',
      '--lookup',
      `customer_email=${join(tmp.dir, 'missing.csv')}:手機:Email`
    ])
    expect(run.code).toBe(2)
    expect(run.err).toContain('missing.csv')
  })
})
