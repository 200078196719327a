// Shared by the push integration tests: prepared records, a sandbox, a temp journal dir, an env for startJob.
import { afterEach, beforeEach } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox } from '../../src-main/sandbox'
import type { Sandbox, SandboxOptions } from '../../src-main/sandbox'
import { getTarget } from '../../src-main/core/targets'
import type { PreparedRecord } from '../../src-main/core/targets/types'
import type { JobEnvironment, JobOptions } from '../../src-main/core/upload'
import type { TargetId } from '../../src-main/core/targets/types'
import { HISTORICAL_DELIVERY_ID, IMPORTED_PAYMENT_ID } from '../../src-main/sandbox/shopline/seed'

export { HISTORICAL_DELIVERY_ID, IMPORTED_PAYMENT_ID }

/** n order records, rows 2..n+1 (row 1 is the header), emails repeating every `customers` rows. */
export function orderRecords(
  n: number,
  opts: { prefix?: string; customers?: number; invalidRows?: number[] } = {}
): PreparedRecord[] {
  const prefix = opts.prefix ?? 'ORD'
  const customers = opts.customers ?? n
  return Array.from({ length: n }, (_, i) => {
    const row = i + 2
    return {
      row,
      rows: [row],
      valid: !(opts.invalidRows ?? []).includes(row),
      payload: {
        order_no: `${prefix}-${String(i + 1).padStart(5, '0')}`,
        amount: `${100 + i}.00`,
        customer_email: `buyer${i % customers}@example.com`,
        customer_name: `客戶 ${i % customers}`,
        status: 'paid',
        currency: 'TWD',
        paid_at: '2025-11-30T02:15:00Z'
      }
    }
  })
}

export function subscriptionRecords(n: number): PreparedRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    row: i + 2,
    rows: [i + 2],
    valid: true,
    payload: {
      customer_email: `Sub${i}@Example.com`,
      mrr: '990.00',
      billing_cycle: 'monthly',
      started_at: '2025-01-01T00:00:00Z',
      current_period_start: '2025-11-01T00:00:00Z',
      plan_name: 'Pro'
    }
  }))
}

export function shoplineRecords(n: number, email = (i: number) => `sl${i}@example.com`): PreparedRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    row: i + 2,
    rows: [i + 2],
    valid: true,
    payload: {
      order: {
        delivery_option_id: HISTORICAL_DELIVERY_ID,
        payment_method_id: IMPORTED_PAYMENT_ID,
        customer_email: email(i),
        customer_name: `顧客 ${i}`,
        customer_phone: '0911000111',
        subtotal: 600 + i,
        total: 600 + i,
        order_remarks: `Imported from legacy #${i}`,
        delivery_address: {
          country_code: 'TW',
          country: '台灣',
          city: '台北市',
          address_1: '光復北路 1 號',
          recipient_name: `顧客 ${i}`,
          recipient_phone: '0911000111'
        },
        items: [
          {
            item_type: 'CustomProduct',
            item_price: 600 + i,
            quantity: 1,
            total: 600 + i,
            item_data: { name: '舊商品', price: String(600 + i) }
          }
        ]
      },
      is_registering_as_member: false,
      is_inventory_fulfillment: false,
      mail_notify: false
    }
  }))
}

export function jobOptions(target: TargetId, baseUrl: string, extra: Partial<JobOptions> = {}): JobOptions {
  const t = getTarget(target)!
  return { target, transport: t.transport, baseUrl, minIntervalMs: 20, ...extra }
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'orderdock-push-'))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export function testEnv(journalDir: string, extra: Partial<JobEnvironment> = {}): JobEnvironment {
  return {
    fetch: globalThis.fetch,
    token: 'rehearsal',
    journalDir,
    backoffBaseMs: 20,
    backoffCapMs: 200,
    reconcileDelayMs: 50,
    requestTimeoutMs: 5000,
    ...extra
  }
}

export async function sandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, zangshoRatePerMinute: 100_000, shoplineRatePerSecond: 1000, ...opts })
}

/** Registers beforeEach/afterEach: every test gets a fresh sandbox and temp dir, closed and removed after it. */
export function sandboxPerTest(): { sb: Sandbox; tmp: ReturnType<typeof tempDir> } {
  const bed = {} as { sb: Sandbox; tmp: ReturnType<typeof tempDir> }
  beforeEach(async () => {
    bed.sb = await sandbox()
    bed.tmp = tempDir()
  })
  afterEach(async () => {
    await bed.sb.close()
    bed.tmp.cleanup()
  })
  return bed
}
