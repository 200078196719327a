// openWorkbook: reads a file in a worker_thread with a heap cap and a timeout; every failure comes back as data.
import { statSync } from 'node:fs'
import type { ReadLimits, ReadOptions, SheetTable, WorkbookError } from './types'
import type { OpenResult, WorkbookSource } from './open-result'
import { runParseJob, type ParseJob, type WorkerMessage } from './parse-job'
import { CompactRowStore, packRows } from './compact-rows'
import { TextInterner } from './text-interner'
import type { ReadProgress } from './read-stream'
import { DEFAULT_LIMITS, resolveLimits } from './limits'
import { keepSpareWorker, workerFor } from './spare-worker'
import { specFor } from './worker-spec'
import { workbookError } from './errors'
import type { MergeRange } from './source'
import { fillMergesInRows } from './stream-merges'

export { setWorkerEntryForTests } from './worker-spec'

/** A table whose rows stay compact (see compact-rows.ts): pages are made into Cells when asked for. */
export type CompactTable = Omit<SheetTable, 'rows'> & {
  rows: CompactRowStore
  /**
   * A streamed read (hooks.onStart): merged areas below the header, read at the sheet's end, not yet filled into the
   * streamed rows (fillMergesInRows / fillStreamedMerges in stream-merges.ts).
   */
  dataMerges?: MergeRange[]
}
export type CompactOpenResult = { ok: true; table: CompactTable } | { ok: false; error: WorkbookError }

export interface OpenHooks {
  /** While the worker reads: rows parsed and bytes inflated so far. */
  onProgress?: (progress: ReadProgress) => void
  /** Each time rows arrive: the store so far (page it), and how many rows it holds. */
  onChunk?: (rows: CompactRowStore, received: number) => void
  /** The first rows (parse-job HEAD_ROWS), read fast before the full read: validate them for a first page. */
  onHead?: (head: SheetTable) => void
  /**
   * Asks for a streamed read: the header is known (the table without rows), and onChunk follows WHILE the file is
   * read. The final table's headers may still differ (a wider row, a merged header): compare them at the end.
   */
  onStart?: (table: SheetTable) => void
  /** A streamed read started over (something only the end of the sheet showed): drop what onChunk gave. */
  onRestart?: () => void
}

/** openWorkbook with the rows kept compact, as the workspace keeps them. */
export async function openWorkbookCompact(
  source: WorkbookSource,
  options: ReadOptions = {},
  limits?: Partial<ReadLimits>,
  hooks: OpenHooks = {}
): Promise<CompactOpenResult> {
  const store = new CompactRowStore()
  let dataMerges: MergeRange[] | undefined
  const result = await openWorkbookInto(source, options, limits, store, hooks, (m) => (dataMerges = m))
  if (!result.ok) return result
  if (dataMerges !== undefined) {
    store.setWidth(result.table.headers.length)
    return { ok: true, table: { ...result.table, rows: store, dataMerges } }
  }
  // the in-process fallback returns its rows whole: keep them compact too
  if (result.table.rows.length)
    for (let at = 0; at < result.table.rows.length; at += 5000)
      store.push(packRows(result.table.rows.slice(at, at + 5000), result.table.headers.length))
  return { ok: true, table: { ...result.table, rows: store } }
}

export async function openWorkbook(
  source: WorkbookSource,
  options: ReadOptions = {},
  limits?: Partial<ReadLimits>,
  hooks: OpenHooks = {}
): Promise<OpenResult> {
  const result = await openWorkbookCompact(source, options, limits, hooks)
  if (!result.ok) return result
  const { rows: store, dataMerges, ...meta } = result.table
  const rows = store.toRows()
  if (dataMerges) fillMergesInRows(rows, dataMerges)
  return { ok: true, table: { ...meta, rows } }
}

function openWorkbookInto(
  source: WorkbookSource,
  options: ReadOptions,
  limits: Partial<ReadLimits> | undefined,
  store: CompactRowStore,
  hooks: OpenHooks,
  onMerges: (merges: MergeRange[]) => void
): Promise<OpenResult> {
  const resolved = resolveLimits(limits)
  const name = 'path' in source ? source.path : source.name
  const job: ParseJob = {
    name,
    options,
    limits: resolved,
    head: hooks.onHead !== undefined,
    stream: hooks.onStart !== undefined
  }
  if ('path' in source) {
    let size: number
    try {
      const st = statSync(source.path)
      if (!st.isFile()) return Promise.resolve({ ok: false, error: workbookError('not_found', name) })
      size = st.size
    } catch {
      return Promise.resolve({ ok: false, error: workbookError('not_found', name) })
    }
    // refuse before reading anything big
    if (size > resolved.maxFileBytes)
      return Promise.resolve({
        ok: false,
        error: workbookError('too_large', name, { size, limit: resolved.maxFileBytes })
      })
    if (size === 0) return Promise.resolve({ ok: false, error: workbookError('empty', name) })
    job.path = source.path
  } else {
    if (source.bytes.byteLength > resolved.maxFileBytes) {
      return Promise.resolve({
        ok: false,
        error: workbookError('too_large', name, { size: source.bytes.byteLength, limit: resolved.maxFileBytes })
      })
    }
    job.bytes = source.bytes
  }
  return runWorker(job, resolved, store, hooks, onMerges)
}

/** The app: keep one parse worker started ahead, for reads with the default limits (see spare-worker.ts). */
export function keepParseWorkerWarm(on = true): void {
  keepSpareWorker(on ? () => specFor(DEFAULT_LIMITS.maxHeapMb, false) : null, 300)
}

function runWorker(
  job: ParseJob,
  limits: ReadLimits,
  store: CompactRowStore,
  hooks: OpenHooks,
  onMerges: (merges: MergeRange[]) => void
): Promise<OpenResult> {
  return new Promise((resolve) => {
    let settled = false
    // a preview-sized read that ended normally leaves its worker warm and small: it serves the next read
    const small = !job.stream && job.options.maxRows !== undefined && job.options.maxRows <= 1000
    const settle = (result: OpenResult, ended = false) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(result)
      finish(ended && small)
    }
    const { worker, finish } = workerFor(specFor(limits.maxHeapMb, job.stream === true), job)
    const timer = setTimeout(
      () =>
        settle({
          ok: false,
          error: workbookError('timeout', job.name, { seconds: Math.round(limits.timeoutMs / 100) / 10 })
        }),
      limits.timeoutMs
    )
    const texts = new TextInterner()
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') hooks.onProgress?.(message.progress)
      else if (message.type === 'head') hooks.onHead?.(message.table)
      else if (message.type === 'start') hooks.onStart?.(message.table)
      else if (message.type === 'restart') {
        store.clear()
        hooks.onRestart?.()
      } else if (message.type === 'chunk') {
        texts.internRepeated(message.chunk)
        store.push(message.chunk)
        hooks.onChunk?.(store, store.length)
      } else {
        if (message.dataMerges && message.result.ok) onMerges(message.dataMerges)
        settle(message.result, true)
      }
    })
    worker.on('error', (err: Error & { code?: string }) => {
      const oom = err.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|heap/i.test(err.message)
      if (oom) return settle({ ok: false, error: workbookError('out_of_memory', job.name) })
      // readWorkbookBytes never throws, so any other error means the worker could not start (e.g. a packaging
      // problem): read in-process rather than call every file damaged; size and row caps still apply
      settle(runParseJob(job))
    })
    worker.on('exit', (code) => {
      if (!settled) settle({ ok: false, error: workbookError(code === 0 ? 'corrupt' : 'out_of_memory', job.name) })
    })
  })
}
