// A real full disk: a small tmpfs filled to the brim, leaving 0..N pages for the journal. Needs root (mount); skipped otherwise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { closeSync, ftruncateSync, fstatSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startJob } from '../../src-main/core/upload'
import type { JobResult } from '../../src-main/core/upload'
import { jobOptions, orderRecords, sandbox, shoplineRecords, testEnv } from './push-fixtures'

const isRoot = process.getuid?.() === 0
const mountPoint = mkdtempSync(join(tmpdir(), 'orderdock-tmpfs-'))
let mounted = false

beforeAll(() => {
  if (!isRoot) return
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k,mode=0700', 'tmpfs', mountPoint])
    mounted = true
  } catch {
    // a container without CAP_SYS_ADMIN: the test below reports the skip
  }
})
afterAll(() => {
  if (mounted) execFileSync('umount', [mountPoint])
  rmSync(mountPoint, { recursive: true, force: true })
})

/** Fill the file system completely, then give back `room` bytes; returns the filler's path. */
function fillLeaving(room: number): string {
  const filler = join(mountPoint, 'filler')
  const fd = openSync(filler, 'w')
  const chunk = Buffer.alloc(4096, 120)
  try {
    for (;;) writeSync(fd, chunk)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e
  }
  try {
    for (;;) if (writeSync(fd, chunk, 0, 1) < 1) break
  } catch {
    // now not a single byte is free
  }
  ftruncateSync(fd, Math.max(0, fstatSync(fd).size - room))
  closeSync(fd)
  return filler
}

const tally: Record<string, { runs: number; stopped: number; duplicated: number; lost: number }> = {}
afterAll(() => {
  for (const [name, t] of Object.entries(tally))
    console.log(
      `tmpfs disk-full ${name}: ${t.runs} runs (${t.stopped} stopped by a full disk), ${t.duplicated} duplicated, ${t.lost} lost`
    )
})

const cases = [
  {
    name: '帳獸 batch',
    target: 'zangsho.orders' as const,
    records: () => orderRecords(40),
    batchSize: 5,
    url: (u: { zangshoBaseUrl: string }) => u.zangshoBaseUrl
  },
  {
    name: 'SHOPLINE single',
    target: 'shopline.orders' as const,
    records: () => shoplineRecords(8),
    batchSize: undefined,
    url: (u: { shoplineBaseUrl: string }) => u.shoplineBaseUrl
  }
]

describe.each(cases)('a real full tmpfs while pushing to $name', (c) => {
  it.runIf(isRoot)(
    'stops before sending what it cannot record; after space returns, resume leaves each row exactly once',
    async (ctx) => {
      if (!mounted) return ctx.skip()
      const t = (tally[c.name] ??= { runs: 0, stopped: 0, duplicated: 0, lost: 0 })
      for (let room = 0; room <= 40 * 1024; room += 2048) {
        const sb = await sandbox()
        const dir = join(mountPoint, 'jobs')
        rmSync(dir, { recursive: true, force: true })
        const records = c.records()
        const options = jobOptions(c.target, c.url(sb), { batchSize: c.batchSize, minIntervalMs: 0 })
        const jobId = `tmpfs-${room}`
        try {
          let first: JobResult | Error
          const filler = fillLeaving(room)
          try {
            first = await startJob({ records, options, jobId, env: testEnv(dir, { reconcileDelayMs: 0 }) }).done
          } catch (e) {
            first = e as Error
          }
          rmSync(filler)
          let final: JobResult
          if (first instanceof Error) {
            expect(sb.state.requestLog).toHaveLength(0)
            expect(readdirSync(dir).filter((n) => n.endsWith('.jsonl'))).toEqual([])
            final = await startJob({ records, options, jobId, env: testEnv(dir, { reconcileDelayMs: 0 }) }).done
            t.stopped++
          } else if (first.status === 'stopped') {
            expect(first.stopCode).toBe('disk_full')
            t.stopped++
            final = await startJob({
              records,
              options,
              jobId,
              env: testEnv(dir, { reconcileDelayMs: 0 }),
              resumeJobId: jobId
            }).done
          } else final = first
          t.runs++
          expect(final.status).toBe('finished')
          const ids = records.map((r) =>
            c.target === 'zangsho.orders'
              ? sb.state.orders.filter((o) => o.order_no === r.payload.order_no).map((o) => String(o.id))
              : sb.state.shoplineOrders
                  .filter((o) => o.order_remarks === (r.payload.order as { order_remarks: string }).order_remarks)
                  .map((o) => String(o.id))
          )
          ids.forEach((list, i) => {
            t.duplicated += Math.max(0, list.length - 1)
            if (list.length === 0) t.lost++
            expect(final.results[i]).toMatchObject({
              outcome: 'created',
              id: Number.isNaN(Number(list[0])) ? list[0] : Number(list[0])
            })
          })
          expect(t).toMatchObject({ duplicated: 0, lost: 0 })
        } finally {
          await sb.close()
        }
      }
      expect(t.stopped).toBeGreaterThan(0)
    },
    120_000
  )
  it.skipIf(isRoot)('needs root to mount a tmpfs (skipped)', () => undefined)
})
