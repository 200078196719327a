import { afterAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { keepParseWorkerWarm, openWorkbook, openWorkbookCompact } from './open'
import { startStreamWorkerEarly } from './early-worker'
import { spareThreadId } from './spare-worker'
import { workbookBytes } from './test-helpers'

const ROWS = [
  ['訂單編號', '金額', '付款時間'],
  ...Array.from({ length: 300 }, (_, i) => [`A${i}`, i * 10, `2026-01-0${(i % 9) + 1}`])
]
const bytes = new Uint8Array(workbookBytes({ 訂單: ROWS }))

async function warmSpare(): Promise<number> {
  for (let i = 0; i < 300; i++) {
    const id = spareThreadId()
    if (id !== null) return id
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('no spare worker started')
}

afterAll(() => keepParseWorkerWarm(false))

describe('a spare parse worker (the app keeps one warm)', () => {
  it('reads exactly what a fresh worker reads; a preview leaves it warm for the next read, a full read replaces it', async () => {
    const cold = await openWorkbook({ name: 'o.xlsx', bytes }, { maxRows: 100 })
    const coldFull = await openWorkbook({ name: 'o.xlsx', bytes })
    keepParseWorkerWarm()
    const first = await warmSpare()

    const preview = await openWorkbook({ name: 'o.xlsx', bytes }, { maxRows: 100 })
    expect(preview).toEqual(cold)
    expect(spareThreadId()).toBe(first) // the same warm worker serves the next read
    const again = await openWorkbook({ name: 'o.xlsx', bytes }, { maxRows: 100 })
    expect(again).toEqual(cold)

    const full = await openWorkbook({ name: 'o.xlsx', bytes })
    expect(full).toEqual(coldFull)
    expect(full.ok && full.table.rows.length).toBe(300)
    // a full read's worker holds a big heap: it is let go, and a fresh spare starts
    const next = await warmSpare()
    expect(next).not.toBe(first)
  }, 60_000)

  it('a damaged file is still an error naming it, and the next read is served', async () => {
    keepParseWorkerWarm()
    await warmSpare()
    const damaged = bytes.slice(0, Math.floor(bytes.length / 2))
    const bad = await openWorkbook({ name: '壞掉的.xlsx', bytes: damaged }, { maxRows: 100 })
    expect(bad.ok).toBe(false)
    expect(!bad.ok && bad.error.file).toBe('壞掉的.xlsx')
    const good = await openWorkbook({ name: 'o.xlsx', bytes }, { maxRows: 100 })
    expect(good.ok && good.table.rows.length).toBe(100)
  }, 60_000)

  it('reads with other limits than the spare was made for get a worker of their own', async () => {
    keepParseWorkerWarm()
    const id = await warmSpare()
    const small = await openWorkbook({ name: 'o.xlsx', bytes }, { maxRows: 100 }, { maxHeapMb: 256 })
    expect(small.ok).toBe(true)
    expect(spareThreadId()).toBe(id) // untouched
  }, 60_000)

  it('an idle spare never keeps the process alive (a CLI or test run ends when its work does)', () => {
    const open = join(import.meta.dirname, 'open.ts')
    const script = `import { keepParseWorkerWarm } from ${JSON.stringify(open)}
keepParseWorkerWarm()
setTimeout(() => console.log('idle'), 3000)`
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000
    })
    expect(run.stdout).toContain('idle')
    expect(run.signal).toBeNull() // not killed by the timeout: it ended by itself
    expect(run.status).toBe(0)
  }, 40_000)

  it('the CLI starts its worker early: its streamed read runs there, the same rows, and no spare follows', async () => {
    keepParseWorkerWarm(false)
    const streamed = () => openWorkbookCompact({ name: 'o.xlsx', bytes }, {}, undefined, { onStart: () => undefined })
    const plain = await streamed()
    startStreamWorkerEarly()
    const early = spareThreadId()
    expect(early).not.toBeNull()
    const read = await streamed()
    expect(spareThreadId()).toBeNull() // taken by the read
    expect(read.ok && read.table.rows.toRows()).toEqual(plain.ok && plain.table.rows.toRows())
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(spareThreadId()).toBeNull() // one-shot: nothing started after it
  }, 60_000)
})
