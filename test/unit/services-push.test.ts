// Push through the same dispatch as IPC: a sample prepared for zangsho.orders, real rehearsal servers on 127.0.0.1, a real data dir.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryKeychain } from '../../src-main/core/credentials/keychain'
import type { OrderDockEvent, PushPlanView, PushResultsPage, PushStatusView, Result } from '../../src-main/ipc/contract'
import { shoplineSeed, startSandbox, type Sandbox } from '../../src-main/sandbox'
import { createServices, type OrderDockServices } from '../../src-main/services'
import { dispatch } from '../../src-main/services/dispatch'

const GOOD = 'zs_live_PushGoodToken_4417'
const WRONG = 'zs_live_PushWrongToken_9902'
const SHOP = 'sl_token_PushShop_X8K2'
const repo = resolve(__dirname, '../..')

let root: string
let sandbox: Sandbox
let services: OrderDockServices
const keychain = memoryKeychain()
const answers: unknown[] = []
const events: { at: number; event: OrderDockEvent }[] = []

async function value<T>(method: string, args: unknown): Promise<T> {
  const result = (await dispatch(services.methods, method, args)) as Result<T>
  answers.push(result)
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`)
  return result.value
}

async function failure(method: string, args: unknown): Promise<{ code: string; message: string }> {
  const result = (await dispatch(services.methods, method, args)) as Result<unknown>
  answers.push(result)
  if (result.ok) throw new Error(`${method} should have failed`)
  return result.error
}

/** Resolves with the first event matching, among those already received or still to come (bounded wait). */
async function nextEvent<E extends OrderDockEvent>(
  match: (e: OrderDockEvent) => e is E,
  from = 0,
  timeoutMs = 30_000
): Promise<E> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = events.slice(from).find((x) => match(x.event))
    if (found) return found.event as E
    if (Date.now() > deadline) throw new Error('event did not come')
    await new Promise((r) => setTimeout(r, 20))
  }
}

const finishedOf =
  (jobId: string) =>
  (e: OrderDockEvent): e is Extract<OrderDockEvent, { type: 'push.finished' }> =>
    e.type === 'push.finished' && e.jobId === jobId
const stoppedOf =
  (jobId: string) =>
  (e: OrderDockEvent): e is Extract<OrderDockEvent, { type: 'push.stopped' }> =>
    e.type === 'push.stopped' && e.jobId === jobId

async function prepareSample(): Promise<string> {
  const view = await value<{ sessionId: string }>('samples.open', { name: 'orders-en.csv' })
  const prep = await value<{ prepId: string; summary: { valid: number } }>('prepare.start', {
    sessionId: view.sessionId,
    target: 'zangsho.orders'
  })
  expect(prep.summary.valid).toBe(20)
  return prep.prepId
}

async function addProfile(name: string, baseUrl: string, token: string): Promise<string> {
  const profile = await value<{ id: string }>('profiles.save', {
    name,
    destination: 'zangsho',
    baseUrl,
    pacing: { minIntervalMs: 0, batchSize: 5 }
  })
  await value('profiles.setToken', { id: profile.id, token })
  return profile.id
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'orderdock-push-'))
  sandbox = await startSandbox({ port: 0, tokens: { [GOOD]: { api: 'zangsho' } } })
  services = createServices({
    dataDir: join(root, 'data'),
    fetch,
    now: () => new Date(),
    resourcesDir: join(repo, 'resources'),
    keychain,
    pushTuning: { maxAttempts: 1, backoffBaseMs: 10, backoffCapMs: 20 }
  })
  services.onEvent((event) => events.push({ at: Date.now(), event }))
})

afterAll(async () => {
  await services?.dispose?.()
  await sandbox?.close()
  if (root) rmSync(root, { recursive: true, force: true })
})

describe('push services', () => {
  let prepId = ''
  let profileId = ''
  let jobId = ''

  it('plans the push: counts, batches, the conflict strategy in plain words', async () => {
    prepId = await prepareSample()
    profileId = await addProfile('帳獸測試', sandbox.zangshoBaseUrl, GOOD)
    const plan = await value<PushPlanView>('push.plan', { prepId, profileId, options: {} })
    expect(plan.counts).toMatchObject({ records: 20, valid: 20, invalid: 0, batches: 4, requests: 4, customers: 0 })
    expect(plan.onConflict).toBe('update')
    expect(plan.conflictChoices.map((c) => c.value)).toEqual(['update', 'skip'])
    expect(plan.conflictChoices[0].explanation['zh-TW']).toContain('空白欄位不會清掉')
    expect(plan.blockers).toEqual([])
    const withCustomers = await value<PushPlanView>('push.plan', {
      prepId,
      profileId,
      options: { withCustomers: true, onConflict: 'skip' }
    })
    expect(withCustomers.counts.customers).toBe(20)
    expect(withCustomers.counts.requests).toBe(4 + 4)
    expect(withCustomers.onConflict).toBe('skip')
    const single = await value<PushPlanView>('push.plan', { prepId, profileId, options: { single: true } })
    expect(single.counts.batches).toBe(20)
    expect(single.onConflict).toBeNull()
    expect(single.conflictChoices).toEqual([])
  })

  it('pushes every row with pause and resume, throttled progress, busy while running, results per row', async () => {
    const from = events.length
    ;({ jobId } = await value<{ jobId: string }>('push.start', { prepId, profileId, options: {} }))
    expect(services.isBusy()).toBe(true)
    const paused = await value<PushStatusView>('push.pause', { jobId })
    expect(paused.state).toBe('paused')
    expect((await failure('push.start', { prepId, profileId })).code).toBe('push_busy')
    await new Promise((r) => setTimeout(r, 300))
    expect((await value<PushStatusView>('push.resume', { jobId })).state).toBe('running')
    const finished = await nextEvent(finishedOf(jobId), from)
    expect(finished.summary).toMatchObject({ total: 20, created: 20, failed: 0 })
    expect(services.isBusy()).toBe(false)
    const progress = events.slice(from).filter((x) => x.event.type === 'push.progress' && x.event.jobId === jobId)
    expect(progress.some((x) => x.event.type === 'push.progress' && x.event.state === 'paused')).toBe(true)
    const last = progress[progress.length - 1].event
    expect(last).toMatchObject({ state: 'finished', done: 20, total: 20 })
    // ≤ 10 per second: consecutive progress events at least ~100 ms apart (timer slack allowed)
    for (let i = 1; i < progress.length; i++) expect(progress[i].at - progress[i - 1].at).toBeGreaterThanOrEqual(90)
    const page = await value<PushResultsPage>('push.results', { jobId, offset: 0, limit: 100 })
    expect(page.total).toBe(20)
    expect(page.rows.map((r) => r.row)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2))
    const orders = sandbox.state.orders
    expect(orders).toHaveLength(20)
    const byNo = new Map(orders.map((o) => [o.order_no, o.id]))
    expect(page.rows[0]).toMatchObject({ outcome: 'created', id: byNo.get('EN-1001') })
    const created = await value<PushResultsPage>('push.results', { jobId, offset: 0, limit: 5, filter: 'failed' })
    expect(created.total).toBe(0)
    const status = await value<PushStatusView>('push.status', { jobId })
    expect(status.requests?.sent).toBe(4)
  })

  it('lists the job from its journal and exports a report', async () => {
    const jobs = await value<{ jobId: string; status: string; resumable: boolean; file: string | null }[]>(
      'push.jobs',
      {}
    )
    expect(jobs.find((j) => j.jobId === jobId)).toMatchObject({
      status: 'finished',
      resumable: false,
      file: 'orders-en.csv'
    })
    const { path } = await value<{ path: string }>('push.exportReport', { jobId, format: 'csv' })
    expect(path.startsWith(join(root, 'data', 'reports'))).toBe(true)
    const csv = readFileSync(path, 'utf8')
    expect(csv.startsWith('\uFEFFOrder No.,')).toBe(true)
    expect(csv).toContain('匯入結果')
    expect(csv.split('\r\n')[1]).toContain('EN-1001')
    expect(csv.split('\r\n')[1]).toContain('已新增')
  })

  it('retry failed sends only the failed rows; the report escapes formulas', async () => {
    // the first batch goes through, then the server answers 5xx: the job stops with the other rows not sent
    let batches = 0
    const faulty: Sandbox = await startSandbox({
      port: 0,
      tokens: { [GOOD]: { api: 'zangsho' } },
      onRequest: (entry) => {
        if (entry.path.endsWith('/orders/batch') && ++batches === 1) faulty.setFaults('5xx=1')
      }
    })
    try {
      const prep = await prepareSample()
      await value('prepare.editCell', {
        prepId: prep,
        row: 3,
        column: 'Customer Name',
        value: '=HYPERLINK("http://x","y")'
      })
      const profile = await addProfile('帳獸不穩', faulty.zangshoBaseUrl, GOOD)
      const from = events.length
      const first = await value<{ jobId: string }>('push.start', { prepId: prep, profileId: profile, options: {} })
      const done = await nextEvent(finishedOf(first.jobId), from)
      // the job stopped at the 5xx: what never went out is "not sent", not failed
      expect(done.summary).toMatchObject({ created: 5 })
      expect(done.summary.failed + done.summary.notSent).toBe(15)
      const failedPage = await value<PushResultsPage>('push.results', {
        jobId: first.jobId,
        offset: 0,
        limit: 100,
        filter: 'problems'
      })
      expect(faulty.state.orders).toHaveLength(20 - failedPage.total)

      faulty.setFaults(null)
      const logBefore = faulty.state.requestLog.length
      const from2 = events.length
      const retry = await value<{ jobId: string }>('push.retryFailed', { jobId: first.jobId })
      expect(retry.jobId).not.toBe(first.jobId)
      const merged = await nextEvent(finishedOf(retry.jobId), from2)
      expect(merged.summary).toMatchObject({ total: 20, created: 20, failed: 0 })
      // only the failed rows went out again: one batch per 5 of them, and no created row came back as "updated" (on_conflict update)
      const batchPosts = faulty.state.requestLog
        .slice(logBefore)
        .filter((e) => e.method === 'POST' && e.path.endsWith('/orders/batch'))
      expect(batchPosts).toHaveLength(Math.ceil(failedPage.total / 5))
      const mergedPage = await value<PushResultsPage>('push.results', { jobId: retry.jobId, offset: 0, limit: 100 })
      const firstPage = await value<PushResultsPage>('push.results', { jobId: first.jobId, offset: 0, limit: 100 })
      for (const before of firstPage.rows.filter((r) => r.outcome === 'created')) {
        expect(mergedPage.rows.find((r) => r.row === before.row)).toEqual(before)
      }
      expect(faulty.state.orders).toHaveLength(20)
      expect(new Set(faulty.state.orders.map((o) => o.order_no)).size).toBe(20)
      const status = await value<PushStatusView>('push.status', { jobId: retry.jobId })
      expect(status.retryOf).toBe(first.jobId)
      expect(status.requests?.sent).toBe(Math.ceil(failedPage.total / 5))

      const { path } = await value<{ path: string }>('push.exportReport', { jobId: retry.jobId, format: 'xlsx' })
      const sheet = XLSX.read(readFileSync(path)).Sheets.Results
      const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })
      const nameCol = rows[0].indexOf('Customer Name')
      // xlsx keeps the exact text as a string cell (never a formula, no apostrophe); CSV escapes it
      expect(rows[2][nameCol]).toBe('=HYPERLINK("http://x","y")')
      expect(sheet[XLSX.utils.encode_cell({ r: 2, c: nameCol })].f).toBeUndefined()
      const csv = readFileSync(
        (await value<{ path: string }>('push.exportReport', { jobId: retry.jobId, format: 'csv' })).path,
        'utf8'
      )
      expect(csv).toContain('"\'=HYPERLINK(""http://x"",""y"")"')
    } finally {
      await faulty.close()
    }
  })

  it('a 401 stops the job with a plain message; after fixing the token the job resumes from its journal', async () => {
    const prep = await prepareSample()
    const fresh = await startSandbox({ port: 0, tokens: { [GOOD]: { api: 'zangsho' } } })
    try {
      const profile = await addProfile('帳獸舊權杖', fresh.zangshoBaseUrl, WRONG)
      const from = events.length
      const { jobId: stoppedId } = await value<{ jobId: string }>('push.start', {
        prepId: prep,
        profileId: profile,
        options: {}
      })
      const stopped = await nextEvent(stoppedOf(stoppedId), from)
      expect(stopped.message['zh-TW']).toMatch(/權杖/)
      expect(stopped.message.en).toMatch(/token/i)
      const status = await value<PushStatusView>('push.status', { jobId: stoppedId })
      expect(status.state).toBe('stopped')
      expect(fresh.state.orders).toHaveLength(0)
      const jobs = await value<{ jobId: string; resumable: boolean }[]>('push.jobs', {})
      expect(jobs.find((j) => j.jobId === stoppedId)?.resumable).toBe(true)

      await value('profiles.setToken', { id: profile, token: GOOD })
      const from2 = events.length
      const resumed = await value<{ jobId: string }>('push.resumeJob', { jobId: stoppedId })
      expect(resumed.jobId).toBe(stoppedId)
      const done = await nextEvent(finishedOf(stoppedId), from2)
      expect(done.summary).toMatchObject({ created: 20, failed: 0 })
      expect(fresh.state.orders).toHaveLength(20)
    } finally {
      await fresh.close()
    }
  })

  it("SHOPLINE: the profile's delivery option and payment method go into every order; the plan warns that dates are not kept", async () => {
    const shop = await startSandbox({ port: 0, tokens: { [SHOP]: { api: 'shopline' } } })
    try {
      const view = await value<{ sessionId: string }>('samples.open', { name: 'orders-en.csv' })
      const prep = await value<{ prepId: string; mapping: Record<string, unknown> }>('prepare.start', {
        sessionId: view.sessionId,
        target: 'shopline.orders'
      })
      await value('prepare.setMapping', {
        prepId: prep.prepId,
        mapping: {
          ...prep.mapping,
          'items.name': { constant: '年費方案' },
          'items.item_price': { column: 'Amount' },
          order_date: { column: 'Paid At' }
        }
      })
      const profile = await value<{ id: string }>('profiles.save', {
        name: 'SHOPLINE 測試',
        destination: 'shopline',
        baseUrl: shop.shoplineBaseUrl,
        pacing: { minIntervalMs: 0 }
      })
      await value('profiles.setToken', { id: profile.id, token: SHOP })
      const before = await value<PushPlanView>('push.plan', { prepId: prep.prepId, profileId: profile.id })
      expect(before.blockers.map((b) => b.code)).toContain('shopline_choices')
      await value('profiles.save', {
        id: profile.id,
        name: 'SHOPLINE 測試',
        destination: 'shopline',
        baseUrl: shop.shoplineBaseUrl,
        shopline: {
          deliveryOptionId: shoplineSeed.HISTORICAL_DELIVERY_ID,
          paymentMethodId: shoplineSeed.IMPORTED_PAYMENT_ID
        }
      })
      const plan = await value<PushPlanView>('push.plan', { prepId: prep.prepId, profileId: profile.id })
      expect(plan.blockers).toEqual([])
      expect(plan.counts).toMatchObject({ valid: 20, batches: 20, requests: 20 })
      expect(plan.onConflict).toBeNull()
      expect(plan.warnings.map((w) => w.code)).toContain('shopline_order_date_not_kept')
      const from = events.length
      const { jobId: slJob } = await value<{ jobId: string }>('push.start', {
        prepId: prep.prepId,
        profileId: profile.id
      })
      const done = await nextEvent(finishedOf(slJob), from, 60_000)
      expect(done.summary).toMatchObject({ created: 20, failed: 0, unknown: 0 })
      expect(shop.state.shoplineOrders).toHaveLength(20)
    } finally {
      await shop.close()
    }
  }, 90_000)

  it('after a restart, a stopped job is listed and resumes with its preparation read back from disk', async () => {
    const prep = await prepareSample()
    const fresh = await startSandbox({ port: 0, tokens: { [GOOD]: { api: 'zangsho' } } })
    try {
      const profile = await addProfile('帳獸重開', fresh.zangshoBaseUrl, WRONG)
      const from = events.length
      const { jobId: stoppedId } = await value<{ jobId: string }>('push.start', {
        prepId: prep,
        profileId: profile,
        options: { onConflict: 'skip' }
      })
      await nextEvent(stoppedOf(stoppedId), from)
      await value('profiles.setToken', { id: profile, token: GOOD })
      // a second app on the same data dir: nothing in memory, only journals and saved preparations
      const restarted = createServices({
        dataDir: join(root, 'data'),
        fetch,
        now: () => new Date(),
        resourcesDir: join(repo, 'resources'),
        keychain
      })
      const seen: OrderDockEvent[] = []
      restarted.onEvent((e) => seen.push(e))
      try {
        const listed = (await dispatch(restarted.methods, 'push.jobs', {})) as Result<
          { jobId: string; resumable: boolean; status: string }[]
        >
        expect(listed.ok && listed.value.find((j) => j.jobId === stoppedId)).toMatchObject({
          resumable: true,
          status: 'stopped'
        })
        const resumed = (await dispatch(restarted.methods, 'push.resumeJob', { jobId: stoppedId })) as Result<{
          jobId: string
        }>
        expect(resumed.ok).toBe(true)
        for (let i = 0; i < 600 && !seen.some((e) => e.type === 'push.finished'); i++)
          await new Promise((r) => setTimeout(r, 50))
        const finished = seen.find((e) => e.type === 'push.finished')
        expect(finished).toMatchObject({ jobId: stoppedId, state: 'finished', summary: { created: 20, failed: 0 } })
        expect(fresh.state.orders).toHaveLength(20)
        answers.push(listed, resumed, seen)
      } finally {
        await restarted.dispose?.()
      }
    } finally {
      await fresh.close()
    }
  })

  it('never lets a token out: not in any answer, event, journal or report', async () => {
    const everything = JSON.stringify(answers) + JSON.stringify(events)
    for (const token of [GOOD, WRONG]) expect(everything).not.toContain(token)
    const files = readdirSync(join(root, 'data'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    expect(files.some((f) => f.name.endsWith('.jsonl'))).toBe(true)
    for (const file of files) {
      const text = readFileSync(join(file.parentPath, file.name)).toString('latin1')
      for (const token of [GOOD, WRONG]) expect(text).not.toContain(token)
    }
  })

  it('refuses bad arguments and unknown jobs with typed errors', async () => {
    expect((await failure('push.status', { jobId: '../etc/passwd' })).code).toBe('bad_args')
    expect((await failure('push.status', { jobId: 'nope-1' })).code).toBe('no_job')
    expect((await failure('push.plan', { prepId: 'gone', profileId: 'rehearsal' })).code).toBe('no_session')
  })
})
