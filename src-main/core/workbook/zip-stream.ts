// Stream-inflating one zip entry with node:zlib, bounded: stops (too_large) past the entry's bound, or early when the reader has enough.
import { createInflateRaw } from 'node:zlib'
import { entryData, type ZipEntry } from './zip'
import { inflateBound, refuseUnzipped } from './zip-guard'
import type { ReadLimits } from './types'

const CHUNK = 256 * 1024

/**
 * Calls onData with each inflated piece, in order; onData returns false to stop early (a preview has its rows).
 * Resolves with the number of bytes inflated.
 */
export async function inflateEntry(
  file: string,
  bytes: Uint8Array,
  entry: ZipEntry,
  limits: ReadLimits,
  onData: (piece: Buffer) => boolean | void
): Promise<number> {
  const data = entryData(bytes, entry)
  const bound = inflateBound(entry, limits)
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += CHUNK)
      if (onData(Buffer.from(data.subarray(at, at + CHUNK))) === false) break
    return data.length
  }
  if (entry.method !== 8) throw new Error(`unsupported zip method ${entry.method} in ${entry.name}`)
  const inflate = createInflateRaw({ chunkSize: CHUNK })
  inflate.end(data)
  let total = 0
  try {
    for await (const piece of inflate as AsyncIterable<Buffer>) {
      total += piece.length
      if (total > bound) refuseUnzipped(file, entry, total, bound)
      if (onData(piece) === false) break
    }
  } finally {
    inflate.destroy()
  }
  return total
}
