// Lookups of an import session: the second file is copied beside the session's source copy (so a restore finds it),
// read with the workbook reader, indexed, and joined to the main table as one extra column per lookup.
import { randomBytes } from 'node:crypto'
import { basename, dirname, extname, join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../fs/atomic-write'
import { lookupColumnName, type LookupIndex, type LookupIssue, type LookupSpec } from '../mapping/lookup'
import { loadLookup, lookupHeaders, type OpenFn } from '../mapping/lookup-load'
import { isColumnEntry, type Mapping } from '../mapping/types'

/** A lookup as saved in the session: the spec plus the copy's file name (in the session's folder). */
export interface SessionLookup extends LookupSpec {
  copyName: string
}

export const sessionLookupSchema = z.object({
  field: z.string(),
  fileName: z.string(),
  keyColumn: z.string(),
  valueColumn: z.string(),
  mainKeyColumn: z.string(),
  copyName: z.string().regex(/^lookup-[a-f0-9]{8}(\.[a-z0-9]{1,8})?$/)
})

/** Copy a chosen second file beside the session's source copy; returns its copy name and headers. */
export async function storeLookupFile(
  sourceCopyPath: string,
  name: string,
  bytes: Uint8Array,
  open?: OpenFn
): Promise<
  { ok: true; copyName: string; headers: string[] } | { ok: false; code: string; en: string; 'zh-TW': string }
> {
  const ext = extname(name).toLowerCase()
  const copyName = `lookup-${randomBytes(4).toString('hex')}${/^\.[a-z0-9]{1,8}$/.test(ext) ? ext : ''}`
  const path = join(dirname(sourceCopyPath), copyName)
  await writeFileAtomic(path, bytes)
  const read = await lookupHeaders({ path }, basename(name), open)
  return read.ok ? { ok: true, copyName, headers: read.headers } : read
}

/** Read and index every saved lookup; a lookup that can no longer be read is reported, not fatal. */
export async function loadSessionLookups(
  sourceCopyPath: string,
  lookups: readonly SessionLookup[],
  open?: OpenFn
): Promise<{ indexes: LookupIndex[]; errors: { field: string; en: string; 'zh-TW': string }[] }> {
  const indexes: LookupIndex[] = []
  const errors: { field: string; en: string; 'zh-TW': string }[] = []
  for (const l of lookups) {
    const loaded = await loadLookup({ path: join(dirname(sourceCopyPath), basename(l.copyName)) }, l, open)
    if (loaded.ok) indexes.push(loaded.index)
    else errors.push({ field: l.field, en: loaded.en, 'zh-TW': loaded['zh-TW'] })
  }
  return { indexes, errors }
}

/** Only the lookup outcomes of fields still mapped to their lookup's column (the user may have mapped another). */
export function issuesInUse(
  issues: readonly LookupIssue[],
  indexes: readonly LookupIndex[],
  mapping: Mapping
): LookupIssue[] {
  const used = new Set(
    indexes
      .filter((ix) => {
        const e = mapping[ix.spec.field]
        return isColumnEntry(e) && e.column === lookupColumnName(ix.spec)
      })
      .map((ix) => ix.spec.field)
  )
  return issues.filter((i) => used.has(i.field))
}
