// The push CLI on a 定期定額 history: a real child process killed with SIGKILL after the creates, while a cancel is in flight
// (the rehearsal server delays that answer), then --resume: each subscription exists once, cancelled once, at its original date.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Sandbox } from '../../src-main/sandbox'
import { sandbox, tempDir } from './push-fixtures'
import { pushChild, pushInProcess, resumeArgs, until } from './push-cli-run'

let tmp: ReturnType<typeof tempDir>
let sb: Sandbox
beforeEach(async () => {
  tmp = tempDir()
  sb = await sandbox()
})
afterEach(async () => {
  await sb.close()
  tmp.cleanup()
})

const STATUSES = ['執行中', '已取消', '停用', '執行完成', '終止', '執行中']

/** An ECPay-style list: 6 subscriptions, rows 3–6 ended on the 1st–4th of June 2025 at 10:30 Taipei time. */
function historyCsv(): string {
  const lines = ['Email,每月金額,週期,開始日期,本期開始,方案,訂閱狀態,取消時間']
  STATUSES.forEach((s, i) =>
    lines.push(
      `member${i}@example.com,"NT$${990 + i}",月繳,2025/1/${i + 1},2025/5/${i + 1},Pro,${s},${s === '執行中' ? '' : `2025/6/${i} 10:30`}`
    )
  )
  const path = join(tmp.dir, 'subscriptions.csv')
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}
const expectedCancelledAt = (i: number) => `2025-06-0${i}T02:30:00Z`

/** `push FILE` of that list to the rehearsal 帳獸, paced and journaled as given. */
function pushArgs(file: string, minIntervalMs: number, journalDir: string): string[] {
  return [
    file,
    '--target',
    'zangsho.subscriptions',
    '--base-url',
    sb.zangshoBaseUrl,
    '--token-env',
    'TOK',
    '--min-interval-ms',
    String(minIntervalMs),
    '--journal-dir',
    journalDir
  ]
}

describe('push CLI: cancelled subscriptions survive kill -9 between create and cancel', () => {
  it('kill -9 while a cancel is in flight, then --resume: one subscription per row, each cancelled once with its original date', async () => {
    const file = historyCsv()
    const jobs = join(tmp.dir, 'jobs')
    const { proc, exited } = pushChild([...pushArgs(file, 400, jobs), '--json'])
    // The creates landed: from now on every write answers 10 s late, after it is committed.
    await until(() => sb.state.subscriptions.length === 6)
    sb.setFaults('slow=1:10000')
    expect(sb.state.requestLog.some((r) => r.method === 'PUT')).toBe(false)
    await until(() => sb.state.subscriptions.some((s) => s.status === 'cancelled'))
    proc.kill('SIGKILL')
    expect((await exited).signal).toBe('SIGKILL')
    expect(sb.state.subscriptions.filter((s) => s.status === 'cancelled')).toHaveLength(1)
    sb.setFaults(null)

    const [journal] = readdirSync(jobs).filter((n) => n.endsWith('.jsonl'))
    const { code, out } = await pushInProcess(resumeArgs(journal.replace(/\.jsonl$/, ''), jobs))
    expect(code).toBe(0)
    const got = JSON.parse(out) as {
      summary: Record<string, number>
      results: { row: number; outcome: string; id: number; reason: string | null; message: string }[]
    }
    expect(got.summary).toMatchObject({ total: 6, created: 6, failed: 0, unknown: 0 })

    const subs = sb.state.subscriptions
    expect(subs).toHaveLength(6)
    expect(new Set(subs.map((s) => s.customer_id)).size).toBe(6)
    expect(
      sb.state.requestLog.filter((r) => r.method === 'POST' && r.path.endsWith('/subscriptions/batch'))
    ).toHaveLength(1)
    const puts = sb.state.requestLog.filter((r) => r.method === 'PUT').map((r) => r.path)
    expect(puts).toHaveLength(4)
    expect(new Set(puts).size).toBe(4)
    expect(sb.state.cancelEvents).toHaveLength(4)
    STATUSES.forEach((status, i) => {
      const result = got.results[i]
      const sub = subs.find((s) => s.id === result.id)!
      if (status === '執行中') {
        expect(sub).toMatchObject({ status: 'active', cancelled_at: null })
        expect(result.reason).toBeNull()
      } else {
        expect(sub).toMatchObject({ status: 'cancelled', cancelled_at: expectedCancelledAt(i) })
        expect(result).toMatchObject({ outcome: 'created', reason: 'cancelled' })
        expect(result.message).toContain(expectedCancelledAt(i))
      }
    })
    // the one that was in flight at the kill was read back, not sent again
    expect(got.results.filter((r) => r.message?.includes('a read confirmed it'))).toHaveLength(1)
    expect(sb.state.cancelEvents.find((e) => e.customer_id === subs[3].customer_id)?.reason).toBe('completed')
  }, 60_000)

  it('the plain summary counts the rows created, then cancelled; the report has outcome created and reason cancelled', async () => {
    const file = historyCsv()
    const { code, out } = await pushInProcess([
      ...pushArgs(file, 0, join(tmp.dir, 'j')),
      '--report',
      join(tmp.dir, 'r.csv')
    ])
    expect(code).toBe(0)
    expect(out).toContain('of which created, then cancelled: 4')
    const report = readFileSync(join(tmp.dir, 'r.csv'), 'utf8')
    expect(report.split(/\r?\n/).filter((l) => /,cancelled,/.test(l))).toHaveLength(4)
    expect(report).toContain('Created, then cancelled (cancelled_at 2025-06-04T02:30:00Z)')
  })
})
