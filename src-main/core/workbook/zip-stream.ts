// Stream-inflating one zip entry with node:zlib, bounded: stops (too_large) past the entry's bound, or early when the reader has enough.
import { Readable } from 'node:stream'
import { createInflateRaw } from 'node:zlib'
import { entryData, entryDataStart, zipRead, type ZipBytes, type ZipEntry } from './zip'
import { inflateBound, refuseUnzipped } from './zip-guard'
import type { ReadLimits } from './types'

const CHUNK = 256 * 1024
/** Compressed bytes read from disk at a time (a file source): the entry is never whole in memory. */
const FILE_PIECE = 1024 * 1024

/** The entry's compressed data in pieces: views of the bytes in memory, or reads from the file. */
function* compressedPieces(bytes: ZipBytes, entry: ZipEntry, piece: number): Generator<Uint8Array> {
  if (bytes instanceof Uint8Array) {
    const data = entryData(bytes, entry)
    for (let at = 0; at < data.length; at += piece) yield data.subarray(at, at + piece)
    return
  }
  const start = entryDataStart(bytes, entry)
  for (let at = 0; at < entry.compressedSize; at += piece) {
    const part = zipRead(bytes, start + at, Math.min(piece, entry.compressedSize - at))
    if (part.length === 0) throw new Error(`${entry.name} ends early`)
    yield part
  }
}

/**
 * Calls onData with each inflated piece, in order; onData returns false to stop early (a preview has its rows).
 * Resolves with the number of bytes inflated.
 */
export async function inflateEntry(
  file: string,
  bytes: ZipBytes,
  entry: ZipEntry,
  limits: ReadLimits,
  onData: (piece: Buffer) => boolean | void
): Promise<number> {
  const bound = inflateBound(entry, limits)
  if (entry.method === 0) {
    let total = 0
    for (const piece of compressedPieces(bytes, entry, CHUNK)) {
      total += piece.length
      if (onData(Buffer.from(piece)) === false) break
    }
    return total
  }
  if (entry.method !== 8) throw new Error(`unsupported zip method ${entry.method} in ${entry.name}`)
  const inflate = createInflateRaw({ chunkSize: CHUNK })
  let source: Readable | null = null
  if (bytes instanceof Uint8Array) inflate.end(entryData(bytes, entry))
  else {
    // read from disk as the inflater asks for more (back-pressure), one piece at a time
    source = Readable.from(compressedPieces(bytes, entry, FILE_PIECE), { objectMode: false })
    source.on('error', (err) => inflate.destroy(err))
    source.pipe(inflate)
  }
  let total = 0
  try {
    for await (const piece of inflate as AsyncIterable<Buffer>) {
      total += piece.length
      if (total > bound) refuseUnzipped(file, entry, total, bound)
      if (onData(piece) === false) break
    }
  } finally {
    source?.destroy()
    inflate.destroy()
  }
  return total
}
