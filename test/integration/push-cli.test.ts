// The push CLI as a user runs it: a real child process killed with SIGKILL mid-job, then --resume; SIGINT; usage errors.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Sandbox } from '../../src-main/sandbox'
import { killMidJob, pushChild as child, pushInProcess as inProcess, resumeArgs, until } from './push-cli-run'
import { sandbox, tempDir } from './push-fixtures'

let tmp: ReturnType<typeof tempDir>
const sandboxes: Sandbox[] = []
beforeEach(() => {
  tmp = tempDir()
})
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.close()))
  tmp.cleanup()
})

function ordersCsv(n: number): string {
  const lines = ['訂單編號,金額,Email,姓名,狀態,付款時間']
  for (let i = 1; i <= n; i++)
    lines.push(
      `K-${String(i).padStart(4, '0')},"NT$${1000 + i}",buyer${i % 13}@example.com,客戶${i % 13},已付款,2025/11/30 10:15`
    )
  const path = join(tmp.dir, 'orders.csv')
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}

type Row = { row: number; outcome: string; id: unknown; reason: unknown }
const core = (rs: Row[]) => rs.map(({ row, outcome, id, reason }) => ({ row, outcome, id, reason }))

describe('push CLI', () => {
  it('kill -9 mid-job, then --resume, gives the results of an uninterrupted run', async () => {
    const file = ordersCsv(200)
    const common = [
      '--target',
      'zangsho.orders',
      '--token-env',
      'TOK',
      '--batch-size',
      '10',
      '--min-interval-ms',
      '120',
      '--json'
    ]
    const clean = await sandbox()
    sandboxes.push(clean)
    const baseline = await inProcess([
      file,
      ...common,
      '--base-url',
      clean.zangshoBaseUrl,
      '--journal-dir',
      join(tmp.dir, 'jobs-a')
    ])
    expect(baseline.code).toBe(0)
    const expected = JSON.parse(baseline.out)
    expect(expected.summary.created).toBe(200)

    const sb = await sandbox()
    sandboxes.push(sb)
    const jobs = join(tmp.dir, 'jobs-b')
    const killed = await killMidJob(
      [file, ...common, '--base-url', sb.zangshoBaseUrl, '--journal-dir', jobs],
      jobs,
      () => sb.state.orders.length >= 60
    )
    expect(killed.signal).toBe('SIGKILL')
    expect(sb.state.orders.length).toBeLessThan(200)
    const jobId = killed.jobId

    const resumed = await inProcess(resumeArgs(jobId, jobs))
    expect(resumed.code).toBe(0)
    const got = JSON.parse(resumed.out)
    expect(got.jobId).toBe(jobId)
    expect(got.summary).toEqual(expected.summary)
    expect(core(got.results)).toEqual(core(expected.results))
    const orders = sb.state.orders
    expect(orders).toHaveLength(200)
    expect(new Set(orders.map((o) => o.order_no)).size).toBe(200)
  })

  it('SIGINT stops cleanly with exit 1; --resume finishes the job', async () => {
    const file = ordersCsv(120)
    const sb = await sandbox()
    sandboxes.push(sb)
    const jobs = join(tmp.dir, 'jobs')
    const { proc, exited } = child([
      file,
      '--target',
      'zangsho.orders',
      '--base-url',
      sb.zangshoBaseUrl,
      '--token-env',
      'TOK',
      '--batch-size',
      '10',
      '--min-interval-ms',
      '150',
      '--journal-dir',
      jobs,
      '--json'
    ])
    await until(() => sb.state.orders.length >= 30)
    proc.kill('SIGINT')
    const stopped = await exited
    expect(stopped.code).toBe(1)
    const partial = JSON.parse(stopped.out())
    expect(partial.summary.created).toBeGreaterThanOrEqual(30)
    expect(partial.summary.notSent).toBe(120 - partial.summary.created)
    expect(partial.summary.failed).toBe(0)
    expect(partial.results.find((r: Row) => r.outcome === 'not_sent').reason).toBe('not_sent')
    const resumed = await inProcess(resumeArgs(partial.jobId, jobs))
    expect(resumed.code).toBe(0)
    expect(JSON.parse(resumed.out).summary.created).toBe(120)
    expect(sb.state.orders).toHaveLength(120)
  })

  it('usage errors exit 2 with a reason; an unknown row outcome exits 1', async () => {
    const file = ordersCsv(3)
    expect((await inProcess([file, '--base-url', 'https://x.example/v1', '--token-env', 'TOK'])).err).toMatch(
      /--target is required/
    )
    const http = await inProcess([
      file,
      '--target',
      'zangsho.orders',
      '--base-url',
      'http://api.example.com/v1',
      '--token-env',
      'TOK'
    ])
    expect(http.code).toBe(2)
    expect(http.err).toMatch(/https/)
    const noToken = await inProcess([
      file,
      '--target',
      'zangsho.orders',
      '--base-url',
      'https://x.example/v1',
      '--token-env',
      'NOPE'
    ])
    expect(noToken.code).toBe(2)
    expect(noToken.err).toMatch(/NOPE is empty/)
    expect((await inProcess([file, '--target', 'zangsho.orders', '--on-conflict', 'merge'])).code).toBe(2)
    expect((await inProcess([file, '--target', 'zangsho.orders', '--bogus'])).code).toBe(2)
    expect(
      (
        await inProcess([
          join(tmp.dir, 'missing.csv'),
          '--target',
          'zangsho.orders',
          '--base-url',
          'https://x.example/v1',
          '--token-env',
          'TOK'
        ])
      ).code
    ).toBe(2)
  })

  it('--profile rehearsal needs no token; a real profile without a saved token is a usage error', async () => {
    const sb = await sandbox()
    sandboxes.push(sb)
    const file = ordersCsv(4)
    const env = { ORDERDOCK_DATA_DIR: join(tmp.dir, 'data') }
    const ok = await inProcess(
      [
        file,
        '--target',
        'zangsho.orders',
        '--profile',
        'rehearsal',
        '--base-url',
        sb.zangshoBaseUrl,
        '--min-interval-ms',
        '0',
        '--json'
      ],
      env
    )
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.out).summary.created).toBe(4)
    expect(readdirSync(join(tmp.dir, 'data', 'jobs'))).toHaveLength(1)
    const missing = await inProcess([file, '--target', 'zangsho.orders', '--profile', 'nobody'], env)
    expect(missing.code).toBe(2)
    expect(missing.err).toMatch(/no profile "nobody"/)
  })

  it('writes the report and exits 1 when a row failed', async () => {
    const sb = await sandbox()
    sandboxes.push(sb)
    const file = ordersCsv(3)
    await inProcess([
      file,
      '--target',
      'zangsho.orders',
      '--base-url',
      sb.zangshoBaseUrl,
      '--token-env',
      'TOK',
      '--journal-dir',
      join(tmp.dir, 'j'),
      '--min-interval-ms',
      '0'
    ])
    const again = await inProcess([
      file,
      '--target',
      'zangsho.orders',
      '--base-url',
      sb.zangshoBaseUrl,
      '--token-env',
      'TOK',
      '--journal-dir',
      join(tmp.dir, 'j'),
      '--on-conflict',
      'skip',
      '--report',
      join(tmp.dir, 'r.xlsx')
    ])
    expect(again.code).toBe(0)
    expect(again.out).toMatch(/skipped 3/)
    const bad = await inProcess(
      [
        file,
        '--target',
        'zangsho.orders',
        '--base-url',
        sb.zangshoBaseUrl,
        '--token-env',
        'BAD',
        '--journal-dir',
        join(tmp.dir, 'j')
      ],
      { BAD: 'wrong-token' }
    )
    expect(bad.code).toBe(1)
    expect(bad.out).toMatch(/401/)
    expect(bad.out + bad.err).not.toContain('wrong-token')
  })
})
