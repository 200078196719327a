// Issue 9: each destination's behaviour lives in its own file; the other layers read it and never branch on a target id.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { TARGETS, serviceFor, targetIdsWhere } from './index'
import { TARGET_IDS } from './types'
import type { Target } from './types'

const SRC_MAIN = fileURLToPath(new URL('../..', import.meta.url))
const RENDERER = fileURLToPath(new URL('../../../src-renderer/src', import.meta.url))

/** Source files of a folder, without tests, the targets folder, the sandbox (written from the API docs) and source layouts (data keyed by destination). */
function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    const rel = relative(SRC_MAIN, path).split(sep).join('/')
    if (
      rel === 'core/targets' ||
      rel === 'sandbox' ||
      rel === 'core/sources/layouts' ||
      name === 'node_modules' ||
      name === '__test__'
    )
      continue
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path))
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path)
  }
  return out
}

const ID = String.raw`['"\x60](?:zangsho|shopline)\.[a-z_]+['"\x60]`
/** A target id literal used to decide something: compared, switched on, or a key of a per-destination table. */
const ID_BRANCH = new RegExp(
  String.raw`[=!]==?\s*${ID}|${ID}\s*[=!]==?|case\s+${ID}|^\s*${ID}\s*:|\[\s*${ID}\s*\]|${ID}\s*\)\s*\?|\.includes\(\s*${ID}`,
  'm'
)
/** An API name compared: in the layers below, the destination's own members answer instead. */
const API_BRANCH = /[=!]==?\s*['"](?:zangsho|shopline)['"]|['"](?:zangsho|shopline)['"]\s*[=!]==?/

function offendingLines(file: string, pattern: RegExp): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => !/^\s*(\/\/|\*|\/\*)/.test(line) && pattern.test(line))
    .map(({ line, i }) => `${relative(SRC_MAIN, file)}:${i + 1}: ${line.trim()}`)
}

describe('no branches on destination identity outside core/targets', () => {
  it('the patterns catch the shapes the old code had and ignore plain uses', () => {
    for (const bad of [
      "if (target.id === 'zangsho.orders') return []",
      "  if (v.single && targetId !== 'zangsho.orders') throw x",
      "else if (target === 'zangsho.subscriptions') phases.push(a)",
      "  'zangsho.customers': { field: 'email', code: 'duplicate_email' },",
      "case 'shopline.orders':",
      "const rule = RULES['zangsho.orders']",
      "if (['zangsho.orders'].includes('zangsho.orders')) x()"
    ])
      expect(ID_BRANCH.test(bad), bad).toBe(true)
    for (const fine of [
      "await session.setTarget('zangsho.orders')",
      "useState<TargetId>('zangsho.orders')",
      'const targetId = z.enum(TARGET_IDS)'
    ]) {
      expect(ID_BRANCH.test(fine), fine).toBe(false)
    }
    expect(API_BRANCH.test("const path = api === 'shopline' ? '/a' : '/b'")).toBe(true)
    expect(API_BRANCH.test("if (target.transport.api !== 'shopline') return")).toBe(true)
    expect(API_BRANCH.test('const api = target.transport.api')).toBe(false)
  })

  it('src-main (outside core/targets, sandbox, tests) and the renderer compare no target id', () => {
    const files = [...sourceFiles(SRC_MAIN), ...sourceFiles(RENDERER)]
    expect(files.length).toBeGreaterThan(100)
    expect(files.some((f) => f.endsWith(join('core', 'validation', 'rules.ts')))).toBe(true)
    expect(files.some((f) => f.includes(`${sep}core${sep}targets${sep}`))).toBe(false)
    expect(files.flatMap((f) => offendingLines(f, ID_BRANCH))).toEqual([])
  })

  it('validation, the push plan, the CLI push and the connection test do not compare API names either', () => {
    const layers = [
      ...sourceFiles(join(SRC_MAIN, 'core', 'validation')),
      ...[
        'services/push-plan.ts',
        'services/push-records.ts',
        'services/push.ts',
        'cli/push.ts',
        'core/credentials/connection.ts',
        'core/upload/zangsho-phases.ts'
      ].map((f) => join(SRC_MAIN, f))
    ]
    expect(layers.length).toBeGreaterThan(10)
    expect(layers.flatMap((f) => offendingLines(f, API_BRANCH))).toEqual([])
  })
})

const fieldOf = (t: Target, key: string) => t.fields.find((f) => f.key === key)

describe('what each destination declares', () => {
  const orders = TARGETS['zangsho.orders']
  const customers = TARGETS['zangsho.customers']
  const subscriptions = TARGETS['zangsho.subscriptions']
  const shopline = TARGETS['shopline.orders']

  it('uniqueness: order numbers exactly, e-mails ignoring case, one subscription per customer; SHOPLINE groups instead', () => {
    expect(orders.unique).toEqual({
      field: 'order_no',
      code: 'duplicate_order_no',
      ignoreCase: false,
      message: 'value'
    })
    expect(customers.unique).toEqual({ field: 'email', code: 'duplicate_email', ignoreCase: true, message: 'value' })
    expect(subscriptions.unique).toEqual({
      field: 'customer_email',
      code: 'duplicate_subscription_customer',
      ignoreCase: true,
      message: 'one_per_customer'
    })
    expect(shopline.unique).toBeUndefined()
    expect(shopline.groupBy).toBe('order_no')
  })

  it('row warnings: 帳獸 orders stamp paid/refunded/failed dates, subscriptions cancelled_at; each names a date field of the target', () => {
    expect(orders.stampedDates?.map((s) => [s.status, s.field, s.code])).toEqual([
      ['paid', 'paid_at', 'paid_without_paid_at'],
      ['refunded', 'refunded_at', 'refunded_without_refunded_at'],
      ['failed', 'failed_at', 'failed_without_failed_at']
    ])
    for (const s of orders.stampedDates ?? []) {
      expect(fieldOf(orders, s.field)?.type).toBe('datetime')
      expect(fieldOf(orders, 'status')?.enumValues).toContain(s.status)
    }
    expect(subscriptions.stampedDates?.map((s) => [s.status, s.field])).toEqual([
      ['cancelled', 'cancelled_at'],
      ['completed', 'cancelled_at']
    ])
    for (const s of subscriptions.stampedDates ?? []) {
      expect(fieldOf(subscriptions, s.field)?.type).toBe('datetime')
      expect(fieldOf(subscriptions, 'status')?.enumValues).toContain(s.status)
    }
    expect([customers, shopline].map((t) => t.stampedDates)).toEqual([undefined, undefined])
  })

  it('push capabilities: webhooks mode and optional customers for orders; customers always and customer_id for subscriptions', () => {
    expect(targetIdsWhere((t) => t.push?.single !== undefined)).toEqual(['zangsho.orders'])
    expect(orders.push?.single).toEqual({ path: '/orders' })
    expect(targetIdsWhere((t) => t.push?.customersFirst?.when === 'optional')).toEqual(['zangsho.orders'])
    // subscriptions and events name their customer by e-mail and 帳獸 refuses an unknown one
    expect(targetIdsWhere((t) => t.push?.customersFirst?.when === 'always')).toEqual([
      'zangsho.subscriptions',
      'zangsho.subscription_events'
    ])
    expect(targetIdsWhere((t) => t.push?.resolveCustomerId !== undefined)).toEqual(['zangsho.subscriptions'])
    for (const t of [orders, subscriptions, TARGETS['zangsho.subscription_events']]) {
      // Customers first go where the customers destination sends, within its batch limit.
      expect(t.push?.customersFirst).toMatchObject({
        path: customers.transport.path,
        maxBatch: customers.transport.maxBatch
      })
    }
    const resolve = subscriptions.push!.resolveCustomerId!
    expect(fieldOf(subscriptions, resolve.emailField)?.type).toBe('email')
    expect(resolve.apply({ customer_email: 'a@b.tw', mrr: 499 }, { customer_id: 7 })).toEqual({
      customer_id: 7,
      mrr: 499
    })
    // Only subscriptions are closed after their create: PUT /subscriptions/{id}/cancel, read back through GET /subscriptions/{id}.
    expect(targetIdsWhere((t) => t.push?.cancelAfterCreate !== undefined)).toEqual(['zangsho.subscriptions'])
    expect(subscriptions.push?.cancelAfterCreate).toMatchObject({
      method: 'PUT',
      path: '/subscriptions/{id}/cancel',
      readPath: '/subscriptions/{id}'
    })
    expect(customers.push).toBeUndefined()
    expect(shopline.push).toBeUndefined()
  })

  it('batch limits: 100 per 帳獸 batch, one SHOPLINE order per request', () => {
    expect(TARGET_IDS.map((id) => [id, TARGETS[id].transport.mode, TARGETS[id].transport.maxBatch])).toEqual([
      ['zangsho.orders', 'batch', 100],
      ['zangsho.customers', 'batch', 100],
      ['zangsho.subscriptions', 'batch', 100],
      ['shopline.orders', 'single', 1],
      ['zangsho.subscription_events', 'single', 1]
    ])
  })

  it('service: pacing and connection test per API, the same object for every destination on it', () => {
    for (const id of TARGET_IDS) expect(TARGETS[id].service).toBe(serviceFor(TARGETS[id].transport.api))
    expect(serviceFor('zangsho')).toMatchObject({
      name: '帳獸',
      defaultMinIntervalMs: 1000,
      rateWindows: [],
      connectionTest: { path: '/customers?per_page=1', countsCustomers: true }
    })
    expect(serviceFor('shopline')).toMatchObject({
      name: 'SHOPLINE',
      defaultMinIntervalMs: 334,
      rateWindows: [
        { max: 18, windowMs: 1000 },
        { max: 950, windowMs: 300_000 }
      ],
      connectionTest: { path: '/delivery_options?per_page=1', countsCustomers: false }
    })
  })

  it('SHOPLINE: the profile must choose delivery and payment ids; settings issues say which is missing', () => {
    expect(targetIdsWhere((t) => t.profileChoices !== undefined)).toEqual(['shopline.orders'])
    expect(shopline.profileChoices?.keys).toEqual(['deliveryOptionId', 'paymentMethodId'])
    const none = shopline.settingIssues!({}, (f) => (f === 'order_date' ? '訂單日期' : null))
    expect(none.map((i) => [i.code, i.severity, i.field, i.column])).toEqual([
      ['shopline_ids_missing', 'error', 'delivery_option_id,payment_method_id', null],
      ['shopline_order_date_not_kept', 'warning', 'order_date', '訂單日期']
    ])
    const half = shopline.settingIssues!({ shopline: { deliveryOptionId: '5f0c' } }, () => null)
    expect(half[0].field).toBe('payment_method_id')
    expect(half[0].message.en).toContain('the payment method is not chosen yet')
    const both = shopline.settingIssues!(
      { shopline: { deliveryOptionId: '5f0c', paymentMethodId: '6a1d' } },
      () => null
    )
    expect(both.map((i) => i.code)).toEqual(['shopline_order_date_not_kept'])
    expect([orders, customers, subscriptions].map((t) => t.settingIssues)).toEqual([undefined, undefined, undefined])
  })
})
