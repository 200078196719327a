// The append-only job journal: one JSON object per line, fsync'd per entry, so a crash loses at most a torn last line.
import { readFile, truncate, mkdir, writeFile, rm } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { PreparedRecord } from '../targets/types'
import type { JobOptions, Outcome } from './types'
import { JournalWriteError, openRealJournalFile, writeFully } from './journal-file'
import type { JournalFile, OpenJournalFile } from './journal-file'

/** cancel: the close-after-create requests (one per record, members [record index]). */
export type Phase = 'customers' | 'main' | 'cancel'

/** One per-item answer as the journal keeps it: `member` indexes the batch's members. */
export interface ItemResult {
  member: number
  outcome: Outcome
  id: number | string | null
  reason: string | null
  message: string | null
}

export interface RecordStamp {
  row: number
  rows: number[]
  valid: boolean
  fp: string
  /** The record is closed after it is created (Target.push.cancelAfterCreate). */
  cancel?: true
}

export type JournalEntry =
  | { t: 'header'; v: 1; jobId: string; createdAt: string; options: JobOptions; records: RecordStamp[] }
  /** members: record indexes (main phase) or customer emails (customers phase). */
  | {
      t: 'planned'
      batch: string
      phase: Phase
      method: 'POST' | 'PUT'
      path: string
      body: unknown
      members: (number | string)[]
      idempotencyKey?: string
    }
  | { t: 'sent'; batch: string; attempt: number; at: number }
  | { t: 'ack'; batch: string; at: number; items: ItemResult[] }
  /** The request ended without per-item answers (rejected, retries used up, unauthorized, undecidable). */
  | { t: 'failed'; batch: string; at: number; outcome: 'failed' | 'unknown'; reason: string; message: string }
  /** The last attempt got an HTTP answer that was not a success (429, 5xx, 401/403): the server did not process it. */
  | { t: 'answered'; batch: string; at: number; status: number }
  /** SHOPLINE: an order search showed the earlier attempts created nothing; resending is safe. */
  | { t: 'reconciled'; batch: string; at: number }
  | { t: 'resolved'; email: string; id: number | null }
  | { t: 'end'; at: number; status: string }

export function fingerprint(record: PreparedRecord): string {
  // The cancel body counts only when present, so journals of records without one keep their fingerprints.
  const parts: unknown[] = record.cancel
    ? [record.rows, record.valid, record.payload, record.cancel]
    : [record.rows, record.valid, record.payload]
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16)
}

export function stampRecords(records: PreparedRecord[]): RecordStamp[] {
  return records.map((r) => ({
    row: r.row,
    rows: r.rows,
    valid: r.valid,
    fp: fingerprint(r),
    ...(r.cancel ? { cancel: true as const } : {})
  }))
}

export function journalPath(journalDir: string, jobId: string): string {
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(jobId)) throw new Error(`Not a job id: "${jobId}"`)
  return join(journalDir, `${jobId}.jsonl`)
}

/** Read every complete entry; a torn (unparseable) last line is ignored, a damaged middle line is an error. */
export async function readJournal(path: string): Promise<{ entries: JournalEntry[]; tornBytes: number }> {
  const text = await readFile(path, 'utf8')
  const lines = text.split('\n')
  const entries: JournalEntry[] = []
  let tornBytes = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line === '') continue
    try {
      entries.push(JSON.parse(line) as JournalEntry)
    } catch {
      if (i === lines.length - 1) tornBytes = Buffer.byteLength(line)
      else throw new Error(`Journal ${path} is damaged at line ${i + 1}.`)
    }
  }
  // A complete line without its newline is also a torn write: it parsed, but we must add the newline.
  if (tornBytes === 0 && text.length > 0 && !text.endsWith('\n')) tornBytes = -1
  return { entries, tornBytes }
}

export class Journal {
  /** Set after a failed append: nothing more is written, the job stops. */
  private broken: JournalWriteError | null = null

  private constructor(
    private readonly fh: JournalFile,
    readonly path: string,
    /** Bytes known to be complete entries: a failed append is cut back to here. */
    private size: number
  ) {}

  /** Open for appending; when resuming, first cut a torn last line (or finish a line that lost its newline). */
  static async open(
    journalDir: string,
    jobId: string,
    opts: { create: boolean; openFile?: OpenJournalFile }
  ): Promise<{ journal: Journal; entries: JournalEntry[] }> {
    await mkdir(journalDir, { recursive: true })
    const path = journalPath(journalDir, jobId)
    await takeLock(path)
    try {
      return await Journal.openLocked(path, opts)
    } catch (e) {
      await rm(`${path}.lock`, { force: true })
      openInThisProcess.delete(path)
      throw e
    }
  }

  private static async openLocked(
    path: string,
    opts: { create: boolean; openFile?: OpenJournalFile }
  ): Promise<{ journal: Journal; entries: JournalEntry[] }> {
    const openFile = opts.openFile ?? openRealJournalFile
    let entries: JournalEntry[] = []
    if (!opts.create) {
      const read = await readJournal(path)
      entries = read.entries
      if (read.tornBytes > 0) {
        const size = (await readFile(path)).length
        await truncate(path, size - read.tornBytes)
      }
      const fh = await openFile(path, 'a', 0o600)
      const journal = new Journal(fh, path, (await fh.stat()).size)
      if (read.tornBytes === -1) await journal.appendText('\n')
      return { journal, entries }
    }
    const fh = await openFile(path, 'ax', 0o600)
    return { journal: new Journal(fh, path, 0), entries }
  }

  /** Durable or thrown: every byte written and fsync'd; on any failure the torn tail is cut off and the journal refuses more. */
  async append(entry: JournalEntry): Promise<void> {
    await this.appendText(JSON.stringify(entry) + '\n')
  }

  private async appendText(text: string): Promise<void> {
    if (this.broken) throw this.broken
    const data = Buffer.from(text, 'utf8')
    try {
      await writeFully(this.fh, data)
      await this.fh.sync()
      this.size += data.length
    } catch (e) {
      this.broken = new JournalWriteError(e)
      // Best effort: cutting the partial line frees space and keeps the file a list of whole entries (resume also drops a torn last line).
      await this.fh
        .truncate(this.size)
        .then(() => this.fh.sync())
        .catch(() => undefined)
      throw this.broken
    }
  }

  get failure(): JournalWriteError | null {
    return this.broken
  }

  async close(): Promise<void> {
    await this.fh.close()
    await rm(`${this.path}.lock`, { force: true })
    openInThisProcess.delete(this.path)
  }
}

/** One running job per journal: a lock file holding our pid; a lock left by a dead process (a crash) is taken over. */
const openInThisProcess = new Set<string>()

async function takeLock(path: string): Promise<void> {
  const lock = `${path}.lock`
  if (openInThisProcess.has(path)) throw new Error('This job is already running.')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx', mode: 0o600 })
      openInThisProcess.add(path)
      return
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      const pid = Number(await readFile(lock, 'utf8').catch(() => ''))
      if (pid && isAlive(pid))
        throw new Error(`This job is already running in another OrderDock process (pid ${pid}).`, { cause: e })
      await rm(lock, { force: true })
    }
  }
  throw new Error(`Could not lock ${path}.`)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}
