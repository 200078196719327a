// Subscription events against the rehearsal server: dropped answers and a kill -9 never duplicate an event; a wrong path stops cleanly.
import { describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startJob } from '../../src-main/core/upload'
import { runPush } from '../../src-main/cli/push'
import type { PreparedRecord } from '../../src-main/core/targets/types'
import type { Sandbox } from '../../src-main/sandbox'
import { jobOptions, sandboxPerTest, testEnv } from './push-fixtures'

const bed = sandboxPerTest()
const CUSTOMERS = ['amy@example.com', 'bo@example.com', 'chen@example.com']
// created → upgrade → downgrade → cancel, one month apart, different days per customer
const STEPS = [
  { type: 'created', old: '0.00', new: '490.00', month: '01' },
  { type: 'upgrade', old: '490.00', new: '990.00', month: '03' },
  { type: 'downgrade', old: '990.00', new: '690.00', month: '06' },
  { type: 'cancel', old: '690.00', new: '0.00', month: '09' }
]

async function seedCustomers(sb: Sandbox): Promise<void> {
  const res = await fetch(`${sb.zangshoBaseUrl}/customers/batch`, {
    method: 'POST',
    headers: { Authorization: 'Bearer rehearsal', 'Content-Type': 'application/json' },
    body: JSON.stringify({ customers: CUSTOMERS.map((email) => ({ email })) })
  })
  expect(res.status).toBeLessThan(300)
}

/** 12 events listed step by step (not per customer), so sending must reorder them into each customer's time order. */
function eventRecords(): PreparedRecord[] {
  const out: PreparedRecord[] = []
  STEPS.forEach((s, k) =>
    CUSTOMERS.forEach((email, c) => {
      const row = out.length + 2
      const change = (Number(s.new) - Number(s.old)).toFixed(2)
      out.push({
        row,
        rows: [row],
        valid: true,
        payload: {
          customer_email: email,
          event_type: s.type,
          occurred_at: `2025-${s.month}-1${c}T0${k}:30:00Z`,
          amount_change: change,
          old_amount: s.old,
          new_amount: s.new
        }
      })
    })
  )
  return out
}

/** Exactly one event per row, with the row's own occurred_at and amounts, created in each customer's time order. */
function expectOneEventPerRow(sb: Sandbox, records: PreparedRecord[]): void {
  const events = sb.state.subscriptionEvents
  const customers = sb.state.customers
  expect(events).toHaveLength(records.length)
  for (const r of records) {
    const id = customers.find((c) => c.email === r.payload.customer_email)!.id
    const same = events.filter(
      (e) => e.customer_id === id && e.event_type === r.payload.event_type && e.occurred_at === r.payload.occurred_at
    )
    expect(same, `row ${r.row}`).toHaveLength(1)
    expect(same[0]).toMatchObject({
      old_amount: r.payload.old_amount,
      new_amount: r.payload.new_amount,
      amount_change: r.payload.amount_change
    })
  }
  for (const c of customers) {
    const mine = events.filter((e) => e.customer_id === c.id)
    expect(mine.map((e) => e.occurred_at)).toEqual([...mine.map((e) => e.occurred_at)].sort())
  }
}

function eventsCsv(dir: string, records: PreparedRecord[]): string {
  const lines = ['客戶 Email,事件類型,MRR 變化金額,事件發生時間,變更前金額,變更後金額']
  for (const r of records) {
    const p = r.payload
    lines.push([p.customer_email, p.event_type, p.amount_change, p.occurred_at, p.old_amount, p.new_amount].join(','))
  }
  const path = join(dir, 'events.csv')
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}

/** A fetch that lets the nth POST reach the server, then never answers (until aborted): a crash mid-request. */
function hangOnPost(n: number): typeof fetch {
  let posts = 0
  return async (input, init) => {
    if (init?.method === 'POST' && ++posts === n) {
      await fetch(input, { ...init, signal: undefined })
      return new Promise<Response>((_, reject) => {
        const fail = () => reject(new DOMException('aborted', 'AbortError'))
        if (init.signal?.aborted) fail()
        else init.signal?.addEventListener('abort', fail)
      })
    }
    return fetch(input, init)
  }
}

describe('subscription events push', () => {
  it('an event in flight when the job stops is unknown, and resume finds it in the list instead of sending it again', async () => {
    await seedCustomers(bed.sb)
    const records = eventRecords()
    const handle = startJob({
      records,
      options: jobOptions('zangsho.subscription_events', bed.sb.zangshoBaseUrl),
      env: testEnv(bed.tmp.dir, { fetch: hangOnPost(5) }) // POST 1 is the customers batch sent first
    })
    for (let i = 0; i < 300 && bed.sb.state.subscriptionEvents.length < 4; i++)
      await new Promise((r) => setTimeout(r, 10))
    handle.cancel({ abortInFlight: true })
    const stopped = await handle.done
    expect(stopped.summary).toMatchObject({ created: 3, unknown: 1 })
    expect(stopped.results.find((r) => r.outcome === 'unknown')?.reason).toBe('interrupted')
    const resumed = await startJob({
      records,
      options: jobOptions('zangsho.subscription_events', bed.sb.zangshoBaseUrl),
      env: testEnv(bed.tmp.dir),
      resumeJobId: stopped.jobId
    }).done
    expect(resumed.summary).toMatchObject({ created: 12, unknown: 0 })
    // 4 in the first run, 8 after: the one in flight was found, not resent
    expect(
      bed.sb.state.requestLog.filter((r) => r.method === 'POST' && r.path.endsWith('/subscriptions/events'))
    ).toHaveLength(12)
    expectOneEventPerRow(bed.sb, records)
  })

  it('with a third of the answers dropped, reconciliation leaves exactly one event per row', async () => {
    await seedCustomers(bed.sb)
    bed.sb.setFaults('drop=0.35')
    const records = eventRecords()
    const res = await startJob({
      records,
      options: jobOptions('zangsho.subscription_events', bed.sb.zangshoBaseUrl),
      env: testEnv(bed.tmp.dir)
    }).done
    expect(res.status).toBe('finished')
    expect(res.summary).toMatchObject({ total: 12, created: 12, unknown: 0, failed: 0 })
    const dropped = bed.sb.state.requestLog.filter((r) => r.fault === 'drop')
    expect(dropped.length).toBeGreaterThan(0)
    // each dropped create was checked through the list, never blindly resent
    expect(
      bed.sb.state.requestLog.filter((r) => r.method === 'GET' && r.path.startsWith('/zangsho/v1/subscriptions/events'))
        .length
    ).toBeGreaterThanOrEqual(dropped.length)
    expectOneEventPerRow(bed.sb, records)
    expect(res.results.map((r) => r.id).sort()).toEqual(bed.sb.state.subscriptionEvents.map((e) => e.id).sort())
  })

  it('kill -9 of the CLI mid-job with dropped answers, then --resume: one event per row, original occurred_at', async () => {
    await seedCustomers(bed.sb)
    bed.sb.setFaults('drop=0.2')
    const records = eventRecords()
    const file = eventsCsv(bed.tmp.dir, records)
    const jobs = join(bed.tmp.dir, 'jobs')
    const args = [
      '--target',
      'zangsho.subscription_events',
      '--token-env',
      'TOK',
      '--min-interval-ms',
      '250',
      '--journal-dir',
      jobs,
      '--timezone',
      'UTC',
      '--json'
    ]
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', 'src-main/cli.ts', 'push', file, ...args, '--base-url', bed.sb.zangshoBaseUrl],
      { env: { ...process.env, TOK: 'rehearsal' }, stdio: ['ignore', 'pipe', 'pipe'] }
    )
    const exited = new Promise<NodeJS.Signals | null>((res) => proc.on('exit', (_c, signal) => res(signal)))
    const end = Date.now() + 60_000
    while (bed.sb.state.subscriptionEvents.length < 5 && Date.now() < end) await new Promise((r) => setTimeout(r, 10))
    proc.kill('SIGKILL')
    expect(await exited).toBe('SIGKILL')
    expect(bed.sb.state.subscriptionEvents.length).toBeLessThan(12)
    const [journal] = readdirSync(jobs).filter((f) => f.endsWith('.jsonl'))
    let out = ''
    const code = await runPush(
      ['--resume', journal.replace(/\.jsonl$/, ''), '--token-env', 'TOK', '--journal-dir', jobs, '--json'],
      {
        env: { TOK: 'rehearsal' },
        fetch: globalThis.fetch,
        stdout: { write: (s: string) => (out += s) },
        stderr: { write: () => undefined },
        signals: { on: () => undefined, off: () => undefined }
      }
    )
    const got = JSON.parse(out)
    expect(got.summary).toMatchObject({ total: 12, created: 12, unknown: 0, failed: 0 })
    expect(code).toBe(0)
    expectOneEventPerRow(bed.sb, records)
  }, 90_000)

  it('pushed on their own to an account without these customers: the customers are created first, then every event', async () => {
    const records = eventRecords()
    const file = eventsCsv(bed.tmp.dir, records)
    expect(bed.sb.state.customers).toHaveLength(0)
    let out = ''
    const code = await runPush(
      [
        file,
        '--target',
        'zangsho.subscription_events',
        '--base-url',
        bed.sb.zangshoBaseUrl,
        '--token-env',
        'TOK',
        '--min-interval-ms',
        '0',
        '--journal-dir',
        join(bed.tmp.dir, 'jobs'),
        '--timezone',
        'UTC',
        '--json'
      ],
      {
        env: { TOK: 'rehearsal' },
        fetch: globalThis.fetch,
        stdout: { write: (s: string) => (out += s) },
        stderr: { write: () => undefined },
        signals: { on: () => undefined, off: () => undefined }
      }
    )
    expect(JSON.parse(out).summary).toMatchObject({ total: 12, created: 12, failed: 0, unknown: 0 })
    expect(code).toBe(0)
    // one customers batch (the distinct e-mails of the events, on_conflict skip) before the first event
    const posts = bed.sb.state.requestLog.filter((r) => r.method === 'POST')
    expect(posts.map((r) => r.path)).toEqual([
      '/zangsho/v1/customers/batch',
      ...records.map(() => '/zangsho/v1/subscriptions/events')
    ])
    expect(bed.sb.state.customers.map((c) => c.email).sort()).toEqual(CUSTOMERS)
    expectOneEventPerRow(bed.sb, records)
  })

  it.each([
    ['404', '/subscription-events'],
    ['405', '/subscriptions']
  ])(
    'a %s on the first create stops the job, says how to change the path, and sends nothing else',
    async (status, path) => {
      await seedCustomers(bed.sb)
      const before = bed.sb.state.requestLog.length
      const records = eventRecords()
      const options = jobOptions('zangsho.subscription_events', bed.sb.zangshoBaseUrl)
      const res = await startJob({
        records,
        options: { ...options, transport: { ...options.transport, path } },
        env: testEnv(bed.tmp.dir)
      }).done
      expect(res.status).toBe('stopped')
      expect(res.stopMessage?.en).toContain(`HTTP ${status}`)
      expect(res.stopMessage?.en).toMatch(/not where the documents suggest.*Subscription events path/)
      expect(res.stopMessage?.['zh-TW']).toContain('訂閱事件路徑')
      const sent = bed.sb.state.requestLog.slice(before)
      expect(sent).toHaveLength(2) // the customers batch (they exist: skipped), then the one event create
      expect(sent[0]).toMatchObject({ method: 'POST', path: '/zangsho/v1/customers/batch' })
      expect(sent[1]).toMatchObject({ method: 'POST', status: Number(status) })
      expect(res.summary).toMatchObject({ created: 0, unknown: 0 })
      expect(bed.sb.state.subscriptionEvents).toHaveLength(0)
    }
  )
})
