// Issue 14: prepare.start answers at the first page while the rest of a big file is still validated behind. A push
// (push.plan / push.start) or a multi-file import (flow.start) asked for in that moment waits until every row is
// validated, so every row reaches 帳獸, not only the rows validated so far.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryKeychain } from '../../src-main/core/credentials/keychain'
import type { FlowStatusView, PushPlanView, PushStatusView, Result } from '../../src-main/ipc/contract'
import { startSandbox, type Sandbox } from '../../src-main/sandbox'
import { createServices, type OrderDockServices } from '../../src-main/services'
import { dispatch } from '../../src-main/services/dispatch'

const TOKEN = 'zs_live_WhileValidating_Token_6612'
const ROWS = 3_500 // several validation steps (1,000 rows each) behind the first page
const EMAILS = ['amy@example.com', 'bo@example.com', 'chen@example.com']

let root: string
let sandbox: Sandbox
let services: OrderDockServices
let profileId = ''

async function value<T>(method: string, args: unknown): Promise<T> {
  const result = (await dispatch(services.methods, method, args)) as Result<T>
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`)
  return result.value
}

function ordersCsv(prefix: string): Uint8Array {
  const lines = ['Order No,Amount,Customer Email,Customer Name,Status,Currency,Paid At']
  for (let i = 1; i <= ROWS; i++)
    lines.push(`${prefix}-${i},${100 + (i % 50)}.00,${EMAILS[i % 3]},客戶${i % 3},paid,TWD,2025-11-30 10:15`)
  return new TextEncoder().encode(lines.join('\n') + '\n')
}

/** A big orders file prepared: answered at its first page, the rest still being validated. */
async function prepareStillValidating(prefix: string): Promise<string> {
  const wb = await value<{ sessionId: string }>('workbook.open', { name: `${prefix}.csv`, bytes: ordersCsv(prefix) })
  const prep = await value<{ prepId: string; progress?: { phase: string } }>('prepare.start', {
    sessionId: wb.sessionId,
    target: 'zangsho.orders'
  })
  expect(prep.progress?.phase).toMatch(/reading|validating/)
  return prep.prepId
}

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  const end = Date.now() + 60_000
  for (;;) {
    const v = await read()
    if (done(v)) return v
    if (Date.now() > end) throw new Error('did not end')
    await new Promise((r) => setTimeout(r, 25))
  }
}

const sentWith = (prefix: string) => sandbox.state.orders.filter((o) => o.order_no.startsWith(`${prefix}-`))

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'orderdock-while-validating-'))
  sandbox = await startSandbox({ port: 0, zangshoRatePerMinute: 100_000, tokens: { [TOKEN]: { api: 'zangsho' } } })
  services = createServices({
    dataDir: join(root, 'data'),
    fetch,
    now: () => new Date(),
    resourcesDir: join(resolve(__dirname, '../..'), 'resources'),
    keychain: memoryKeychain()
  })
  const p = await value<{ id: string }>('profiles.save', {
    name: '帳獸',
    destination: 'zangsho',
    baseUrl: sandbox.zangshoBaseUrl,
    pacing: { minIntervalMs: 0, batchSize: 100 }
  })
  await value('profiles.setToken', { id: p.id, token: TOKEN })
  profileId = p.id
})

afterAll(async () => {
  await services?.dispose?.()
  await sandbox?.close()
  if (root) rmSync(root, { recursive: true, force: true })
})

describe('a push asked for while the preparation still validates its rows', () => {
  it('push.plan counts and push.start sends every row', async () => {
    const prepId = await prepareStillValidating('PV')
    const plan = await value<PushPlanView>('push.plan', { prepId, profileId, options: {} })
    expect(plan.counts.valid).toBe(ROWS)
    const { jobId } = await value<{ jobId: string }>('push.start', { prepId, profileId, options: {} })
    const status = await until(
      () => value<PushStatusView>('push.status', { jobId }),
      (s) => s.state !== 'running'
    )
    expect(status.state).toBe('finished')
    expect(status.summary?.created).toBe(ROWS)
    expect(sentWith('PV')).toHaveLength(ROWS)
  }, 120_000)

  it('flow.start: the orders step sends every row', async () => {
    const prepId = await prepareStillValidating('FV')
    const { flowId } = await value<{ flowId: string }>('flow.start', {
      profileId,
      steps: [{ kind: 'orders', prepId }]
    })
    const status = await until(
      () => value<FlowStatusView>('flow.status', { flowId }),
      (s) => s.state !== 'running'
    )
    expect(status.state).toBe('finished')
    const orders = status.steps.find((s) => s.kind === 'orders')
    expect([orders?.done, orders?.total, orders?.counts.created]).toEqual([ROWS, ROWS, ROWS])
    expect(sentWith('FV')).toHaveLength(ROWS)
  }, 120_000)
})
