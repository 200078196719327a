// One parse job: what the worker is given, and how it is read (in the worker, or in-process when the worker cannot start).
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs'
import { readWorkbookBytes } from './read'
import { readWorkbook, type ReadProgress } from './read-stream'
import { workbookError } from './errors'
import { chunkBuffers, packRows, type CompactChunk } from './compact-rows'
import type { ReadLimits, ReadOptions, SheetTable } from './types'
import type { OpenResult } from './open-result'
import type { MergeRange } from './source'
import { streamWorkbookRows, type StreamOutcome } from './stream-read'
import { fileSource, type ZipBytes, type ZipFileSource } from './zip'
import { resolveLimits } from './limits'

export interface ParseJob {
  name: string
  path?: string
  bytes?: Uint8Array
  options: ReadOptions
  limits: ReadLimits
  /** Post the first HEAD_ROWS rows (a fast preview read) before the full read, so validation can start at once. */
  head?: boolean
  /** Post the header ('start') and the rows in chunks WHILE the sheet is read (stream-read.ts), where it can. */
  stream?: boolean
}

/** Rows in the early 'head' message: a first validated page, long before the whole file is read. */
export const HEAD_ROWS = 100

/** Rows per chunk posted from the worker: big enough to be cheap to post, small enough for a first page soon. */
export const CHUNK_ROWS = 5000

/** The first chunk of a streamed read: a first validated page long before the rest is read. */
export const FIRST_CHUNK_ROWS = 100

/** What the worker posts: progress while reading, the rows in compact chunks, then the table without its rows. */
export type WorkerMessage =
  | { type: 'progress'; progress: ReadProgress }
  | { type: 'head'; table: SheetTable }
  | { type: 'chunk'; chunk: CompactChunk }
  /** Streamed read: the header is known (table without rows); chunks follow while the sheet is read. */
  | { type: 'start'; table: SheetTable }
  /** The rows streamed so far are void: the file is read again the ordinary way (chunks follow after the read). */
  | { type: 'restart' }
  /** dataMerges: merged areas below the header (streamed read), to fill into the rows already posted. */
  | { type: 'done'; result: OpenResult; dataMerges?: MergeRange[] }

function jobBytes(job: ParseJob): Uint8Array | OpenResult {
  if (job.bytes) return job.bytes
  try {
    return readFileSync(job.path!)
  } catch {
    return { ok: false, error: workbookError('not_found', job.name) }
  }
}

export function runParseJob(job: ParseJob): OpenResult {
  const bytes = jobBytes(job)
  if (!(bytes instanceof Uint8Array)) return bytes
  return readWorkbookBytes(job.name, bytes, job.options, job.limits)
}

/** The worker's read: streaming where it can, rows posted in chunks, the table last with rows: []. */
export async function runParseJobStreaming(
  job: ParseJob,
  post: (message: WorkerMessage, transfer?: ArrayBuffer[]) => void
): Promise<void> {
  let lastPost = 0
  const onProgress = (progress: ReadProgress) => {
    const now = Date.now()
    if (now - lastPost < 100) return
    lastPost = now
    post({ type: 'progress', progress })
  }
  // a file on disk streams from the disk: the whole file is read into memory only if the ordinary read is needed
  const fromDisk = job.stream && job.path !== undefined && !job.head
  if (fromDisk) {
    const streamed = await withFileSource(job.path!, (source) => streamRows(job, source, post, onProgress))
    if (streamed?.kind === 'done')
      return post({ type: 'done', result: streamed.result, dataMerges: streamed.dataMerges })
    if (streamed?.kind === 'restart') post({ type: 'restart' })
  }
  const bytes = jobBytes(job)
  if (!(bytes instanceof Uint8Array)) return post({ type: 'done', result: bytes })
  if (job.head && job.options.maxRows === undefined) {
    // the preview path stops inflating after its rows: ~3 % of a full read; the full read's rows stay the final ones
    const head = await readWorkbook(job.name, bytes, { ...job.options, maxRows: HEAD_ROWS }, job.limits)
    if (head.ok) post({ type: 'head', table: head.table })
  }
  if (job.stream && !fromDisk) {
    const streamed = await streamRows(job, bytes, post, onProgress)
    if (streamed.kind === 'done')
      return post({ type: 'done', result: streamed.result, dataMerges: streamed.dataMerges })
    if (streamed.kind === 'restart') post({ type: 'restart' })
  }
  const result = await readWorkbook(job.name, bytes, job.options, job.limits, { onProgress })
  if (!result.ok) return post({ type: 'done', result })
  const { rows, ...meta } = result.table
  const width = meta.headers.length
  for (let at = 0; at < rows.length; at += CHUNK_ROWS) {
    const chunk = packRows(rows.slice(at, at + CHUNK_ROWS), width)
    rows.fill(undefined as never, at, Math.min(rows.length, at + CHUNK_ROWS)) // let posted rows go
    post({ type: 'chunk', chunk }, chunkBuffers(chunk))
  }
  post({ type: 'done', result: { ok: true, table: { ...meta, rows: [] } } })
}

/** The streamed read (stream-read.ts): the header, then the rows in chunks while the sheet is parsed. */
function streamRows(
  job: ParseJob,
  bytes: ZipBytes,
  post: (message: WorkerMessage, transfer?: ArrayBuffer[]) => void,
  onProgress: (progress: ReadProgress) => void
): Promise<StreamOutcome> {
  return streamWorkbookRows(
    job.name,
    bytes,
    job.options,
    resolveLimits(job.limits),
    {
      start: (table) => post({ type: 'start', table }),
      rows: (rows, width) => {
        const chunk = packRows(rows, width)
        post({ type: 'chunk', chunk }, chunkBuffers(chunk))
      }
    },
    { firstChunk: FIRST_CHUNK_ROWS, chunk: CHUNK_ROWS },
    onProgress
  )
}

/** Runs use with the file open for reading piece by piece; null when it cannot be opened (the whole read then says why). */
async function withFileSource<T>(path: string, use: (source: ZipFileSource) => Promise<T>): Promise<T | null> {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return null
  }
  try {
    return await use(fileSource(fd, fstatSync(fd).size))
  } finally {
    closeSync(fd)
  }
}
