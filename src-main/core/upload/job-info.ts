// Read what a job was started with (for resume in the CLI and the UI) without opening it for writing.
import { readJournal, journalPath } from './journal'
import type { JobOptions } from './types'

export async function readJobOptions(journalDir: string, jobId: string): Promise<JobOptions> {
  const { entries } = await readJournal(journalPath(journalDir, jobId))
  const header = entries.find((e) => e.t === 'header')
  if (!header || header.t !== 'header') throw new Error(`Job ${jobId} has no readable journal header.`)
  return header.options
}
