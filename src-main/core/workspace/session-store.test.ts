import { describe, it, expect } from 'vitest'
import { mkdtemp, readFile, readdir, writeFile, rm, mkdir, utimes, rename } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { spawn } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSessionStore } from './session-store'

const tmp = () => mkdtemp(join(tmpdir(), 'od-sessions-'))
function fixedClock(start = Date.UTC(2026, 0, 9, 8, 0, 0)) {
  let t = start
  return () => new Date((t += 1000))
}

describe('session store', () => {
  it('copies the source file and records its hash and size', async () => {
    const dir = await tmp()
    const src = join(dir, '訂單 2026.CSV')
    const bytes = Buffer.from('訂單編號,金額\nA001,"NT$1,990"\n')
    await writeFile(src, bytes)
    const store = createSessionStore(join(dir, 'data'), fixedClock())
    const s = await store.create({ path: src })
    expect(s.source.name).toBe('訂單 2026.CSV')
    expect(s.source.copyPath).toBe(join(dir, 'data', 'sessions', s.id, 'source.csv'))
    expect(s.source.bytes).toBe(bytes.length)
    expect(s.source.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect(await readFile(s.source.copyPath)).toEqual(bytes)
    expect(s).toMatchObject({ version: 1, timezone: 'Asia/Taipei', target: null, mapping: {}, edits: {}, excluded: [] })
    // The copy survives the original being deleted.
    await rm(src)
    expect((await store.load(s.id))?.source.sha256).toBe(s.source.sha256)
  })

  it('creates from bytes, and never lets a name choose the path', async () => {
    const dir = await tmp()
    const store = createSessionStore(dir, fixedClock())
    const s = await store.create({ name: '../../evil.xlsx', bytes: new Uint8Array([1, 2, 3]) })
    expect(s.source.name).toBe('evil.xlsx')
    expect(s.source.copyPath.startsWith(join(dir, 'sessions', s.id))).toBe(true)
    const weird = await store.create({ name: 'data.$%^', bytes: new Uint8Array([4]) })
    expect(weird.source.copyPath).toBe(join(dir, 'sessions', weird.id, 'source'))
    expect(await store.load('../etc')).toBeNull()
  })

  it('restores every part of the state after a restart (a new store on the same folder)', async () => {
    const dir = await tmp()
    const first = createSessionStore(dir, fixedClock())
    const s = await first.create({ name: 'a.xlsx', bytes: new Uint8Array([1]) })
    s.sheet = '訂單'
    s.headerRow = 3
    s.encoding = 'big5'
    s.target = 'zangsho.orders'
    s.mapping = { order_no: { column: '訂單編號' }, currency: { constant: 'TWD' } }
    s.valueMatches = { status: { 已付款: 'paid' } }
    s.timezone = 'America/New_York'
    s.dateOrder = { 日期: 'dmy' }
    s.metadataColumns = ['備註']
    s.edits = { '5': { 金額: '1990' } }
    s.excluded = [7, 9]
    await first.save(s)
    const again = await createSessionStore(dir).load(s.id)
    expect(again).toEqual(s)
    expect(again!.updatedAt > again!.createdAt).toBe(true)
  })

  it('keeps the old state when a write was killed halfway (temp file left, state untouched)', async () => {
    const dir = await tmp()
    const store = createSessionStore(dir, fixedClock())
    const s = await store.create({ name: 'a.csv', bytes: new Uint8Array([1]) })
    s.edits = { '2': { A: 'old' } }
    await store.save(s)
    const folder = join(dir, 'sessions', s.id)
    const temp = join(folder, '.session.json.deadbeef.tmp')
    await writeFile(temp, '{"version":1,"id":"') // what a kill during writeFileAtomic leaves behind
    await utimes(temp, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000))
    const loaded = await createSessionStore(dir).load(s.id)
    expect(loaded?.edits).toEqual({ '2': { A: 'old' } })
    expect((await readdir(folder)).filter((n) => n.endsWith('.tmp'))).toEqual([]) // stale temp cleaned
  })

  it('falls back to the previous version when the state file is truncated, and keeps the damaged file aside', async () => {
    const dir = await tmp()
    const store = createSessionStore(dir, fixedClock())
    const s = await store.create({ name: 'a.csv', bytes: new Uint8Array([1]) })
    s.edits = { '2': { A: 'first' } }
    await store.save(s)
    s.edits = { '2': { A: 'second' } }
    await store.save(s)
    const file = join(dir, 'sessions', s.id, 'session.json')
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.slice(0, text.length / 2))
    const loaded = await createSessionStore(dir).load(s.id)
    expect(loaded?.edits).toEqual({ '2': { A: 'first' } })
    expect(
      (await readdir(join(dir, 'sessions', s.id))).some((n) => n.startsWith('session.json.') && n.endsWith('.corrupt'))
    ).toBe(true)
  })

  it('loads the backup when the process died between moving the old state aside and writing the new one', async () => {
    const dir = await tmp()
    const store = createSessionStore(dir, fixedClock())
    const s = await store.create({ name: 'a.csv', bytes: new Uint8Array([1]) })
    s.excluded = [4]
    await store.save(s)
    await store.save(s)
    await rm(join(dir, 'sessions', s.id, 'session.json'))
    expect((await createSessionStore(dir).load(s.id))?.excluded).toEqual([4])
  })

  it('returns null without crashing for garbage, a wrong shape, a folder in place of the file, or an unknown id', async () => {
    const dir = await tmp()
    const store = createSessionStore(dir, fixedClock())
    const a = await store.create({ name: 'a.csv', bytes: new Uint8Array([1]) })
    await writeFile(join(dir, 'sessions', a.id, 'session.json'), '\u0000\u0001garbage')
    await rm(join(dir, 'sessions', a.id, 'session.bak.json'), { force: true })
    expect(await store.load(a.id)).toBeNull()
    const b = await store.create({ name: 'b.csv', bytes: new Uint8Array([1]) })
    await writeFile(join(dir, 'sessions', b.id, 'session.json'), JSON.stringify({ version: 2, id: b.id }))
    expect(await store.load(b.id)).toBeNull()
    await mkdir(join(dir, 'sessions', 'x1'))
    await mkdir(join(dir, 'sessions', 'x1', 'session.json'))
    expect(await store.load('x1')).toBeNull()
    expect(await store.load('nope')).toBeNull()
  })

  it('lists sessions newest first and removes them', async () => {
    const dir = await tmp()
    const store = createSessionStore(dir, fixedClock())
    const a = await store.create({ name: 'a.csv', bytes: new Uint8Array([1]) })
    const b = await store.create({ name: 'b.xlsx', bytes: new Uint8Array([1, 2]) })
    a.edits = { '3': { X: '1', Y: '2' } }
    await store.save(a)
    const list = await store.list()
    expect(list.map((x) => x.name)).toEqual(['a.csv', 'b.xlsx'])
    expect(list[0]).toMatchObject({ id: a.id, edits: 2, excluded: 0, bytes: 1 })
    await store.remove(b.id)
    expect((await store.list()).map((x) => x.id)).toEqual([a.id])
    expect(await readdir(join(dir, 'sessions'))).toEqual([a.id])
  })

  it('autosaves once after a burst of changes, and flush writes what is pending', async () => {
    const dir = await tmp()
    const store = createSessionStore(dir, fixedClock())
    const s = await store.create({ name: 'a.csv', bytes: new Uint8Array([1]) })
    const saver = store.autosaver(() => s, 30)
    for (let i = 0; i < 5; i++) {
      s.edits = { '2': { A: `v${i}` } }
      saver.schedule()
    }
    expect((await createSessionStore(dir).load(s.id))?.edits).toEqual({}) // nothing yet: debounced
    await new Promise((r) => setTimeout(r, 120))
    expect((await createSessionStore(dir).load(s.id))?.edits).toEqual({ '2': { A: 'v4' } })
    s.excluded = [2]
    saver.schedule()
    await saver.flush() // quit: no waiting for the timer
    expect((await createSessionStore(dir).load(s.id))?.excluded).toEqual([2])
  })

  it('survives many overlapping saves with a readable result', async () => {
    const dir = await tmp()
    const store = createSessionStore(dir, fixedClock())
    const s = await store.create({ name: 'a.csv', bytes: new Uint8Array([1]) })
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.save({ ...s, excluded: [i] })))
    expect((await store.load(s.id))?.excluded).toEqual([19])
  })

  it('a late autosave never brings a removed session back', async () => {
    const dir = await tmp()
    const store = createSessionStore(dir, fixedClock())
    const s = await store.create({ name: 'a.csv', bytes: new Uint8Array([1]) })
    const saver = store.autosaver(() => s, 10)
    saver.schedule()
    await store.remove(s.id)
    await saver.flush()
    await store.save(s)
    expect(await readdir(join(dir, 'sessions'))).toEqual([])
  })

  it('finds the file copy after the whole data folder was moved', async () => {
    const dir = await tmp()
    const s = await createSessionStore(join(dir, 'old'), fixedClock()).create({
      name: 'a.csv',
      bytes: Buffer.from('x,y')
    })
    await rename(join(dir, 'old'), join(dir, 'new'))
    const loaded = await createSessionStore(join(dir, 'new')).load(s.id)
    expect(loaded?.source.copyPath).toBe(join(dir, 'new', 'sessions', s.id, 'source.csv'))
    expect(await readFile(loaded!.source.copyPath, 'utf8')).toBe('x,y')
  })

  it('a process killed (SIGKILL) while saving leaves a session that loads, with one of the saved versions', async () => {
    const dir = await tmp()
    const store = createSessionStore(dir)
    const s = await store.create({ name: 'a.csv', bytes: new Uint8Array([1]) })
    for (let round = 0; round < 3; round++) {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(import.meta.dirname, 'save-loop.fixture.ts'), dir, s.id],
        { stdio: ['ignore', 'pipe', 'inherit'] }
      )
      let last = 0
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('child never saved')), 30_000)
        child.stdout.on('data', (chunk: Buffer) => {
          last = Number(chunk.toString().trim().split('\n').pop())
          if (last >= 3 + round * 2) {
            clearTimeout(timer)
            child.kill('SIGKILL')
            resolve()
          }
        })
      })
      await new Promise((r) => child.once('exit', r))
      const loaded = await createSessionStore(dir).load(s.id)
      expect(loaded, `round ${round}`).not.toBeNull()
      expect(Number(loaded!.edits['2'].counter)).toBeGreaterThanOrEqual(last)
      expect(Object.keys(loaded!.edits['3'])).toHaveLength(1000)
    }
  })
})
