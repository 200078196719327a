// A full disk at every position of a job: the journal write is short, fails with ENOSPC, or fsync fails. After space returns,
// the server holds each row exactly once and the final report matches the server (both destinations, real sandbox over loopback).
import { afterAll, describe, expect, it } from 'vitest'
import { open } from 'node:fs/promises'
import { existsSync, readdirSync } from 'node:fs'
import { startJob } from '../../src-main/core/upload'
import type { JobResult, OpenJournalFile, StartJobInput } from '../../src-main/core/upload'
import type { PreparedRecord } from '../../src-main/core/targets/types'
import type { TargetId } from '../../src-main/core/targets/types'
import type { Sandbox } from '../../src-main/sandbox'
import { jobOptions, orderRecords, sandbox, shoplineRecords, tempDir, testEnv } from './push-fixtures'

type Mode = 'short' | 'enospc' | 'fsync'

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 })

/**
 * A real file whose `at`-th append (counted by writes that start an entry) goes wrong:
 * short = writes half, then carries on normally; enospc = writes half, then every write fails; fsync = every fsync from then fails.
 */
function faultyOpen(at: number, mode: Mode): OpenJournalFile {
  let entries = 0
  let full = false
  return async (path, flags, modeBits) => {
    const fh = await open(path, flags, modeBits)
    return {
      stat: () => fh.stat(),
      close: () => fh.close(),
      truncate: (len) => fh.truncate(len),
      sync: async () => {
        if (full && mode === 'fsync') throw enospc()
        await fh.sync()
      },
      write: async (buf, offset, length) => {
        if (offset === 0 && entries++ === at) {
          if (mode === 'fsync') full = true
          else {
            const half = Math.max(1, Math.floor(length / 2))
            const r = await fh.write(buf, offset, half)
            if (mode === 'enospc') full = true
            return r
          }
        }
        if (full && mode === 'enospc') throw enospc()
        return fh.write(buf, offset, length)
      }
    }
  }
}

interface Destination {
  name: string
  target: TargetId
  records: () => PreparedRecord[]
  baseUrl: (sb: Sandbox) => string
  /** row key → ids the server holds for it */
  serverRows: (sb: Sandbox, records: PreparedRecord[]) => Map<number, string[]>
  batchSize?: number
}

const destinations: Destination[] = [
  {
    name: '帳獸 batch',
    target: 'zangsho.orders',
    records: () => orderRecords(12),
    batchSize: 5,
    baseUrl: (sb) => sb.zangshoBaseUrl,
    serverRows: (sb, records) =>
      new Map(
        records.map((r) => [
          r.row,
          sb.state.orders.filter((o) => o.order_no === r.payload.order_no).map((o) => String(o.id))
        ])
      )
  },
  {
    name: 'SHOPLINE single',
    target: 'shopline.orders',
    records: () => shoplineRecords(4),
    baseUrl: (sb) => sb.shoplineBaseUrl,
    serverRows: (sb, records) =>
      new Map(
        records.map((r) => {
          const remarks = (r.payload.order as { order_remarks: string }).order_remarks
          return [r.row, sb.state.shoplineOrders.filter((o) => o.order_remarks === remarks).map((o) => String(o.id))]
        })
      )
  }
]

const tally: Record<string, { runs: number; duplicated: number; lost: number; reportMismatches: number }> = {}

afterAll(() => {
  // The figures for the closing note (rerun: npx vitest run test/integration/push-disk-full.test.ts).
  for (const [name, t] of Object.entries(tally))
    console.log(
      `disk-full ${name}: ${t.runs} runs, ${t.duplicated} duplicated, ${t.lost} lost, ${t.reportMismatches} report rows differing from the server`
    )
})

/** How many journal appends a clean job makes: every one of them is a position to fail at. */
async function cleanAppendCount(d: Destination): Promise<number> {
  const sb = await sandbox()
  const tmp = tempDir()
  let count = 0
  const counting: OpenJournalFile = async (path, flags, mode) => {
    const fh = await open(path, flags, mode)
    return {
      stat: () => fh.stat(),
      close: () => fh.close(),
      truncate: (l) => fh.truncate(l),
      sync: () => fh.sync(),
      write: (b, o, l) => (o === 0 && count++, fh.write(b, o, l))
    }
  }
  try {
    const r = await startJob({
      records: d.records(),
      options: jobOptions(d.target, d.baseUrl(sb), { batchSize: d.batchSize, minIntervalMs: 0 }),
      env: testEnv(tmp.dir, { openJournalFile: counting, reconcileDelayMs: 0 })
    }).done
    expect(r.status).toBe('finished')
    return count
  } finally {
    await sb.close()
    tmp.cleanup()
  }
}

async function runAt(d: Destination, at: number, mode: Mode): Promise<void> {
  const sb = await sandbox()
  const tmp = tempDir()
  const records = d.records()
  const options = jobOptions(d.target, d.baseUrl(sb), { batchSize: d.batchSize, minIntervalMs: 0 })
  const base: Omit<StartJobInput, 'env'> = { records, options, jobId: `disk-${at}` }
  try {
    let first: JobResult | Error
    try {
      first = await startJob({
        ...base,
        env: testEnv(tmp.dir, { openJournalFile: faultyOpen(at, mode), reconcileDelayMs: 0 })
      }).done
    } catch (e) {
      first = e as Error
    }
    let final: JobResult
    if (first instanceof Error) {
      // The header itself could not be written: nothing was sent and no journal is left behind.
      expect((first as { code?: string }).code).toBe('ENOSPC')
      expect(sb.state.requestLog).toHaveLength(0)
      expect(readdirSync(tmp.dir)).toEqual([])
      final = await startJob({ ...base, env: testEnv(tmp.dir, { reconcileDelayMs: 0 }) }).done
    } else if (mode === 'short') {
      // A short write alone is not a failure: the loop writes the rest.
      expect(first.status).toBe('finished')
      final = first
    } else {
      if (first.status === 'stopped') {
        expect(first.stopCode).toBe('disk_full')
        expect(first.stopMessage?.en).toMatch(/disk is full/)
      }
      // Space returns: resume with an ordinary file.
      final = await startJob({ ...base, env: testEnv(tmp.dir, { reconcileDelayMs: 0 }), resumeJobId: base.jobId }).done
    }
    expect(final.status).toBe('finished')
    expect(existsSync(`${tmp.dir}/${base.jobId}.jsonl.lock`)).toBe(false)
    const onServer = d.serverRows(sb, records)
    const t = (tally[d.name] ??= { runs: 0, duplicated: 0, lost: 0, reportMismatches: 0 })
    t.runs++
    for (const [i, r] of records.entries()) {
      const ids = onServer.get(r.row)!
      if (ids.length > 1) t.duplicated += ids.length - 1
      if (ids.length === 0) t.lost++
      const reported = final.results[i]
      if (reported.outcome !== 'created' || ids.length !== 1 || String(reported.id) !== ids[0]) t.reportMismatches++
    }
    expect({ at, mode, ...t }).toMatchObject({ duplicated: 0, lost: 0, reportMismatches: 0 })
    expect(final.summary).toMatchObject({
      total: records.length,
      created: records.length,
      updated: 0,
      failed: 0,
      unknown: 0
    })
  } finally {
    await sb.close()
    tmp.cleanup()
  }
}

describe.each(destinations)('disk full while pushing to $name', (d) => {
  it('short writes, ENOSPC and failed fsync at every journal position: each row on the server exactly once, report = server', async () => {
    const positions = await cleanAppendCount(d)
    expect(positions).toBeGreaterThan(5)
    for (const mode of ['short', 'enospc', 'fsync'] as const)
      for (let at = 0; at < positions; at++) await runAt(d, at, mode)
  }, 120_000)
})
