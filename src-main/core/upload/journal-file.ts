// The journal's file handle, injectable so tests can make writes short or fail (a full disk) at any position of a job.
import { open } from 'node:fs/promises'

import type { JournalFile, OpenJournalFile } from './types'

export type { JournalFile, OpenJournalFile } from './types'

export const openRealJournalFile: OpenJournalFile = (path, flags, mode) => open(path, flags, mode)

/** Raised when an entry could not be made durable; the job stops before anything that depended on it. */
export class JournalWriteError extends Error {
  readonly code: string
  constructor(cause: unknown) {
    const code = (cause as NodeJS.ErrnoException)?.code ?? 'EIO'
    super(`The job journal could not be written (${code}).`, { cause })
    this.code = code
    this.name = 'JournalWriteError'
  }

  get diskFull(): boolean {
    return this.code === 'ENOSPC' || this.code === 'EDQUOT' || this.code === 'SHORT_WRITE'
  }
}

/** Write every byte: node may write fewer bytes than asked without throwing (a nearly full disk). */
export async function writeFully(file: JournalFile, data: Uint8Array): Promise<void> {
  let offset = 0
  let stalls = 0
  while (offset < data.length) {
    const { bytesWritten } = await file.write(data, offset, data.length - offset)
    if (bytesWritten <= 0) {
      // A write that makes no progress: the disk is full even if the OS did not say so.
      if (++stalls >= 3) throw Object.assign(new Error('no bytes written'), { code: 'SHORT_WRITE' })
      continue
    }
    stalls = 0
    offset += bytesWritten
  }
}
