// A full disk while editing: autosave failures become events (the app's banner), edits stay in memory, and are saved
// once space returns; no temp file is left behind. Real tmpfs, so it needs root; skipped otherwise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { writeFileAtomic } from '../../src-main/core/fs/atomic-write'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { OrderDockEvent, PrepareView, Result, WorkbookView } from '../../src-main/ipc/contract'
import { createServices, type OrderDockServices } from '../../src-main/services'
import { dispatch } from '../../src-main/services/dispatch'

const isRoot = process.getuid?.() === 0
const mountPoint = mkdtempSync(join(tmpdir(), 'orderdock-autosave-'))
let mounted = false
beforeAll(() => {
  if (!isRoot) return
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m,mode=0700', 'tmpfs', mountPoint])
    mounted = true
  } catch {
    // no CAP_SYS_ADMIN: skipped below
  }
})
afterAll(() => {
  if (mounted) execFileSync('umount', [mountPoint])
  rmSync(mountPoint, { recursive: true, force: true })
})

function fill(): string {
  const filler = join(mountPoint, 'filler')
  const fd = openSync(filler, 'w')
  const chunk = Buffer.alloc(4096, 120)
  try {
    for (;;) writeSync(fd, chunk)
  } catch {
    // full
  }
  try {
    for (;;) if (writeSync(fd, chunk, 0, 1) < 1) break
  } catch {
    // not one byte left
  }
  closeSync(fd)
  return filler
}

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 25))
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
}

describe('autosave on a full disk', () => {
  it.runIf(isRoot)(
    'emits autosave.failed (disk_full), keeps the edit, saves it when space returns, leaves no temp files',
    async (ctx) => {
      if (!mounted) return ctx.skip()
      const dataDir = join(mountPoint, 'data')
      const events: OrderDockEvent[] = []
      let services: OrderDockServices = createServices({
        dataDir,
        fetch,
        now: () => new Date(),
        resourcesDir: join(mountPoint, 'res'),
        autosaveRetryMs: 100
      })
      services.onEvent((e) => events.push(e))
      const value = async <T>(method: string, args: unknown): Promise<T> => {
        const r = (await dispatch(services.methods, method, args)) as Result<T>
        if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`)
        return r.value
      }
      const csv = '訂單編號,金額,Email,付款狀態\nA1,100,a@example.com,已付款\nA2,200,b@example.com,已付款\n'
      const wb = await value<WorkbookView>('workbook.open', {
        name: 'orders.csv',
        bytes: new TextEncoder().encode(csv)
      })
      const prep = await value<PrepareView>('prepare.start', { sessionId: wb.sessionId, target: 'zangsho.orders' })
      await new Promise((r) => setTimeout(r, 700))

      const filler = fill()
      // a note longer than the pages the backup rotation frees, so the save really needs new space
      await value('prepare.editCell', { prepId: prep.prepId, row: 2, column: '金額', value: '12345' })
      await value('prepare.editCell', {
        prepId: prep.prepId,
        row: 3,
        column: 'Email',
        value: `b@example.com${' '.repeat(9000)}x`
      })
      await until(() => events.some((e) => e.type === 'autosave.failed'))
      const failed = events.find((e) => e.type === 'autosave.failed')
      expect(failed).toMatchObject({
        type: 'autosave.failed',
        code: 'disk_full',
        message: {
          'zh-TW': expect.stringContaining('磁碟空間不足：最近的修改還沒儲存'),
          en: expect.stringMatching(/disk is full/i)
        }
      })
      // the edit is still there in memory
      const page = await value<{ rows: { rowNumber: number; cells: { w: string }[] }[] }>('prepare.rows', {
        prepId: prep.prepId,
        offset: 0,
        limit: 10,
        filter: 'all'
      })
      expect(JSON.stringify(page.rows[0])).toContain('12345')
      expect(allFiles(dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([])

      rmSync(filler)
      await until(() => events.some((e) => e.type === 'autosave.recovered'))
      expect(events.at(-1)).toEqual({ type: 'autosave.recovered' })
      await services.dispose?.()

      // after a restart the edit is there
      services = createServices({ dataDir, fetch, now: () => new Date(), resourcesDir: join(mountPoint, 'res') })
      const restored = await value<{ prep: PrepareView }>('sessions.restore', { id: prep.prepId })
      const again = await value<{ rows: unknown[] }>('prepare.rows', {
        prepId: restored.prep.prepId,
        offset: 0,
        limit: 10,
        filter: 'all'
      })
      expect(JSON.stringify(again.rows[0])).toContain('12345')
      await services.dispose?.()
    },
    30_000
  )
  it.runIf(isRoot)('an atomic write that hits ENOSPC removes its temp file and keeps the old version', async (ctx) => {
    if (!mounted) return ctx.skip()
    const dir = join(mountPoint, 'atomic')
    const target = join(dir, 'settings.json')
    await writeFileAtomic(target, 'old')
    const filler = fill()
    try {
      await expect(writeFileAtomic(target, 'x'.repeat(64 * 1024))).rejects.toMatchObject({ code: 'ENOSPC' })
      expect(readdirSync(dir)).toEqual(['settings.json'])
      expect(readFileSync(target, 'utf8')).toBe('old')
    } finally {
      rmSync(filler)
    }
  })
  it.skipIf(isRoot)('needs root to mount a tmpfs (skipped)', () => undefined)
})
