// Import sessions on disk: <dataDir>/sessions/<id>/{session.json, session.bak.json, source.<ext>}. Every write is atomic.
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { copyFile, mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { writeFileAtomic, syncDir } from '../fs/atomic-write'
import {
  DEFAULT_TIMEZONE,
  isSafeId,
  sessionStateSchema,
  summarize,
  type SessionState,
  type SessionSummary
} from './session-schema'

export type { SessionState, SessionSummary } from './session-schema'
export type SessionSource = { path: string } | { name: string; bytes: Uint8Array }

export interface Autosaver {
  /** Save after delayMs of quiet (and at the latest after 10 × delayMs of continuous edits). */
  schedule(): void
  /** Save now if anything is pending and wait for every write in flight (call on quit). */
  flush(): Promise<void>
}

export interface AutosaveHooks {
  /** After a failed save, try again this often until it works (the edits stay in memory meanwhile). Default 5 s. */
  retryMs?: number
  /** A save succeeded after one or more failed: the banner can go. */
  onRecovered?: () => void
}

export interface SessionStore {
  create(source: SessionSource): Promise<SessionState>
  load(id: string): Promise<SessionState | null>
  list(): Promise<SessionSummary[]>
  remove(id: string): Promise<void>
  save(state: SessionState): Promise<void>
  autosaver(
    getState: () => SessionState,
    delayMs?: number,
    onError?: (err: unknown) => void,
    hooks?: AutosaveHooks
  ): Autosaver
}

const STATE = 'session.json'
const BACKUP = 'session.bak.json'
const STALE_TEMP_MS = 60_000

export function createSessionStore(dataDir: string, clock: () => Date = () => new Date()): SessionStore {
  const root = join(dataDir, 'sessions')
  const folder = (id: string) => {
    if (!isSafeId(id)) throw new Error(`invalid session id: ${id}`)
    return join(root, id)
  }
  // One write at a time per session, so a backup rename never interleaves with another save.
  const queues = new Map<string, Promise<void>>()
  const removed = new Set<string>()

  async function save(state: SessionState): Promise<void> {
    const dir = folder(state.id)
    state.updatedAt = clock().toISOString()
    const json = JSON.stringify(state)
    const previous = queues.get(state.id) ?? Promise.resolve()
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        // A removed session stays removed: a late autosave must not bring its folder back.
        if (removed.has(state.id) || !(await stat(dir).catch(() => null))?.isDirectory()) return
        // Keep the last good version: if we die between these two steps, load() falls back to the backup.
        await rename(join(dir, STATE), join(dir, BACKUP)).catch((err: NodeJS.ErrnoException) => {
          if (err.code !== 'ENOENT') throw err
        })
        await writeFileAtomic(join(dir, STATE), json)
      })
    queues.set(state.id, next)
    try {
      await next
    } finally {
      if (queues.get(state.id) === next) queues.delete(state.id)
    }
  }

  async function create(source: SessionSource): Promise<SessionState> {
    const now = clock()
    const id = `${now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}-${randomBytes(4).toString('hex')}`
    const dir = folder(id)
    await mkdir(dir, { recursive: true })
    const name = 'path' in source ? basename(source.path) : basename(source.name || 'source')
    const ext = extname(name).toLowerCase()
    const copyPath = join(dir, `source${/^\.[a-z0-9]{1,8}$/.test(ext) ? ext : ''}`)
    if ('path' in source) {
      const tmp = `${copyPath}.${randomBytes(4).toString('hex')}.tmp`
      await copyFile(source.path, tmp)
      await rename(tmp, copyPath)
      await syncDir(dir)
    } else {
      await writeFileAtomic(copyPath, source.bytes)
    }
    const { sha256, bytes } = await hashFile(copyPath)
    const state: SessionState = {
      version: 1,
      id,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      source: { name, copyPath, sha256, bytes },
      sheet: null,
      headerRow: null,
      encoding: null,
      target: null,
      mapping: {},
      valueMatches: {},
      timezone: DEFAULT_TIMEZONE,
      dateOrder: {},
      metadataColumns: [],
      edits: {},
      excluded: []
    }
    await save(state)
    return state
  }

  async function load(id: string): Promise<SessionState | null> {
    if (!isSafeId(id)) return null
    const dir = join(root, id)
    await removeStaleTemps(dir)
    for (const file of [STATE, BACKUP]) {
      const state = await readState(join(dir, file))
      if (state === 'missing') continue
      if (state === 'corrupt') {
        await rename(join(dir, file), join(dir, `${file}.${clock().getTime()}.corrupt`)).catch(() => undefined)
        continue
      }
      // The copy always lives beside the state: a moved data folder (or an edited path) never points elsewhere.
      state.source.copyPath = join(dir, basename(state.source.copyPath))
      return state
    }
    return null
  }

  async function list(): Promise<SessionSummary[]> {
    const names = await readdir(root).catch(() => [] as string[])
    const states = await Promise.all(names.filter(isSafeId).map((id) => load(id)))
    return states
      .filter((s): s is SessionState => s !== null)
      .map(summarize)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  }

  async function remove(id: string): Promise<void> {
    removed.add(id)
    await queues.get(id)?.catch(() => undefined)
    await rm(folder(id), { recursive: true, force: true })
  }

  function autosaver(
    getState: () => SessionState,
    delayMs = 500,
    onError?: (err: unknown) => void,
    hooks: AutosaveHooks = {}
  ): Autosaver {
    let timer: NodeJS.Timeout | null = null
    let firstPending = 0
    let inFlight: Promise<void> = Promise.resolve()
    let failing = false
    const run = () => {
      if (timer) clearTimeout(timer)
      timer = null
      firstPending = 0
      inFlight = inFlight
        .then(() => save(getState()))
        .then(
          () => {
            if (failing) hooks.onRecovered?.()
            failing = false
          },
          (err) => {
            failing = true
            onError?.(err)
            // The disk may be full: keep the edits in memory and try again until space returns (or a later edit saves them).
            if (!timer) {
              timer = setTimeout(run, hooks.retryMs ?? 5000)
              timer.unref?.()
            }
          }
        )
      return inFlight
    }
    return {
      schedule() {
        const now = Date.now()
        if (!firstPending) firstPending = now
        if (timer) clearTimeout(timer)
        const wait = Math.max(0, Math.min(delayMs, firstPending + delayMs * 10 - now))
        timer = setTimeout(run, wait)
        timer.unref?.()
      },
      async flush() {
        if (timer) await run()
        else await inFlight
      }
    }
  }

  return { create, load, list, remove, save, autosaver }
}

async function readState(path: string): Promise<SessionState | 'missing' | 'corrupt'> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    // Unreadable (a folder in its place, no permission): treat as damaged rather than crash.
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'corrupt'
  }
  try {
    const parsed = sessionStateSchema.safeParse(JSON.parse(text))
    return parsed.success ? (parsed.data as SessionState) : 'corrupt'
  } catch {
    return 'corrupt'
  }
}

/** Temp files left by a write that was killed halfway; young ones may belong to a write in progress. */
async function removeStaleTemps(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[])
  for (const name of names.filter((n) => n.endsWith('.tmp'))) {
    const info = await stat(join(dir, name)).catch(() => null)
    if (info && Date.now() - info.mtimeMs > STALE_TEMP_MS) await rm(join(dir, name), { force: true })
  }
}

async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256')
  let bytes = 0
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer)
    bytes += (chunk as Buffer).length
  }
  return { sha256: hash.digest('hex'), bytes }
}
