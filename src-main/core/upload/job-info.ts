// Read jobs from their journals without opening them for writing: options for resume, and a list for the app's "jobs" view.
import { readdir } from 'node:fs/promises'
import { readJournal, journalPath } from './journal'
import { JobState } from './state'
import type { JobOptions } from './types'

export async function readJobOptions(journalDir: string, jobId: string): Promise<JobOptions> {
  const { entries } = await readJournal(journalPath(journalDir, jobId))
  const header = entries.find((e) => e.t === 'header')
  if (!header || header.t !== 'header') throw new Error(`Job ${jobId} has no readable journal header.`)
  return header.options
}

export interface JobListing {
  jobId: string
  target: string
  createdAt: string
  /** 'finished' | 'cancelled' | 'stopped' from the last run's end entry, or 'interrupted' (a crash: no end entry). */
  status: string
  records: number
  /** Records with a final answer in the journal. */
  answered: number
  /** The file it was started from (CLI jobs), for display. */
  file?: string
}

/** Every job in the journal folder, newest first; unreadable journals are left out. */
export async function listJobs(journalDir: string): Promise<JobListing[]> {
  let names: string[]
  try {
    names = await readdir(journalDir)
  } catch {
    return []
  }
  const out: JobListing[] = []
  for (const name of names.filter((n) => n.endsWith('.jsonl'))) {
    try {
      const { entries } = await readJournal(`${journalDir}/${name}`)
      const state = new JobState()
      entries.forEach((e) => state.apply(e))
      const h = state.header
      if (!h) continue
      const last = entries[entries.length - 1]
      out.push({
        jobId: h.jobId,
        target: h.options.target,
        createdAt: h.createdAt,
        status: last?.t === 'end' ? last.status : 'interrupted',
        records: h.records.length,
        answered: state.recordResult.size,
        ...(typeof h.options.source?.file === 'string' ? { file: h.options.source.file } : {})
      })
    } catch {
      // a damaged journal is not listed; resume reports it with its reason
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}
