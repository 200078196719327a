// Zip bomb guard: every entry's declared size and compression ratio are checked before inflating, and the inflate
// itself stops at the same bound (declared sizes can lie).
import type { ReadLimits } from './types'
import type { ZipEntry } from './zip'
import { fail } from './errors'

/** Below this inflated size the ratio is not judged: tiny parts (styles, a blank sheet) compress absurdly well. */
const RATIO_FLOOR = 8 * 1024 * 1024

/** The most an entry may inflate to: the absolute cap, and maxZipRatio × its compressed size above the floor. */
export function entryLimit(entry: Pick<ZipEntry, 'compressedSize'>, limits: ReadLimits): number {
  return Math.min(limits.maxUnzippedBytes, Math.max(RATIO_FLOOR, entry.compressedSize * limits.maxZipRatio))
}

/** What an inflate of this entry may produce: its limit, and never more than it declares (a stored size that lies is refused). */
export function inflateBound(entry: ZipEntry, limits: ReadLimits): number {
  return Math.min(entryLimit(entry, limits), entry.size)
}

export function refuseUnzipped(file: string, entry: ZipEntry, size: number, limit: number): never {
  fail('too_large', file, { unzipped: true, size, limit, detail: entry.name })
}

/** Refuses, before anything is inflated, an entry declaring more than its limit. */
export function checkZipEntries(file: string, entries: ZipEntry[], limits: ReadLimits): void {
  for (const entry of entries) {
    const limit = entryLimit(entry, limits)
    if (entry.size > limit) refuseUnzipped(file, entry, entry.size, limit)
  }
}

/** A bound for SheetJS's inflates (it inflates every entry itself): the largest any entry may produce. */
export function largestInflate(entries: ZipEntry[], limits: ReadLimits): number {
  let max = 0
  for (const e of entries) max = Math.max(max, e.method === 0 ? 0 : inflateBound(e, limits))
  return max + 64 * 1024
}
