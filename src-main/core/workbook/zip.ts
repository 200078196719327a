// Minimal zip directory reader: lists entries without inflating them, and inflates one entry on demand (node:zlib).
import { readSync } from 'node:fs'
import { constants, inflateRawSync } from 'node:zlib'

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  localOffset: number
}

/**
 * A zip read from disk piece by piece (the worker's streamed read): the sheet is inflated from the file as it goes,
 * so memory follows the rows, not the file's size.
 */
export interface ZipFileSource {
  size: number
  read(offset: number, length: number): Uint8Array
}

/** The zip's bytes in memory, or a file read on demand. */
export type ZipBytes = Uint8Array | ZipFileSource

export function fileSource(fd: number, size: number): ZipFileSource {
  return {
    size,
    read(offset, length) {
      const buf = Buffer.allocUnsafe(Math.max(0, length))
      return buf.subarray(0, length > 0 ? readSync(fd, buf, 0, length, offset) : 0)
    }
  }
}

export function zipSize(bytes: ZipBytes): number {
  return bytes instanceof Uint8Array ? bytes.length : bytes.size
}

/** length bytes at offset (fewer at the end): a view of the bytes in memory, or read from the file. */
export function zipRead(bytes: ZipBytes, offset: number, length: number): Uint8Array {
  if (bytes instanceof Uint8Array) return bytes.subarray(offset, offset + length)
  return bytes.read(offset, Math.max(0, Math.min(length, bytes.size - offset)))
}

/** Entries from the central directory, or null when it cannot be found (damaged, or zip64). */
export function listZip(bytes: ZipBytes): ZipEntry[] | null {
  const size = zipSize(bytes)
  const tailStart = Math.max(0, size - 22 - 0xffff)
  const tail = zipRead(bytes, tailStart, size - tailStart)
  const tailView = new DataView(tail.buffer, tail.byteOffset, tail.byteLength)
  let eocd = -1
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tailView.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return null
  const count = tailView.getUint16(eocd + 10, true)
  const cdStart = tailView.getUint32(eocd + 16, true)
  if (count === 0xffff || cdStart === 0xffffffff || cdStart > size) return null
  // the directory to the file's end, positions relative to its start (the same bounds as the whole file)
  const cd = zipRead(bytes, cdStart, size - cdStart)
  const view = new DataView(cd.buffer, cd.byteOffset, cd.byteLength)
  const decoder = new TextDecoder('utf-8')
  const entries: ZipEntry[] = []
  let pos = 0
  for (let k = 0; k < count; k++) {
    if (pos + 46 > cd.length || view.getUint32(pos, true) !== 0x02014b50) return null
    const nameLen = view.getUint16(pos + 28, true)
    const extraLen = view.getUint16(pos + 30, true)
    const commentLen = view.getUint16(pos + 32, true)
    entries.push({
      method: view.getUint16(pos + 10, true),
      compressedSize: view.getUint32(pos + 20, true),
      size: view.getUint32(pos + 24, true),
      localOffset: view.getUint32(pos + 42, true),
      name: decoder.decode(cd.subarray(pos + 46, pos + 46 + nameLen)).replace(/\\/g, '/')
    })
    pos += 46 + nameLen + extraLen + commentLen
  }
  return entries
}

/** Where an entry's compressed data starts (after its local header). */
export function entryDataStart(bytes: ZipBytes, entry: ZipEntry): number {
  const header = zipRead(bytes, entry.localOffset, 30)
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength)
  if (header.length < 30 || view.getUint32(0, true) !== 0x04034b50)
    throw new Error(`bad local header for ${entry.name}`)
  return entry.localOffset + 30 + view.getUint16(26, true) + view.getUint16(28, true)
}

export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const start = entryDataStart(bytes, entry)
  return bytes.subarray(start, start + entry.compressedSize)
}

/**
 * Inflates only as much of an entry as `enough` needs: a growing prefix of the compressed data, flushed without
 * waiting for the end. complete tells whether the whole entry was inflated.
 */
export function readZipPrefix(
  bytes: Uint8Array,
  entry: ZipEntry,
  enough: (out: Buffer) => boolean
): { data: Buffer; complete: boolean } {
  const data = entryData(bytes, entry)
  if (entry.method === 0) return { data: Buffer.from(data), complete: true }
  if (entry.method !== 8) throw new Error(`unsupported zip method ${entry.method} in ${entry.name}`)
  // small parts (≤ 1 MB compressed) are inflated whole, so their tail (merged cells) is kept
  for (let take = 1024 * 1024; ; take *= 4) {
    if (take >= data.length) return { data: inflateRawSync(data), complete: true }
    const out = inflateRawSync(data.subarray(0, take), { finishFlush: constants.Z_SYNC_FLUSH })
    if (enough(out)) return { data: out, complete: false }
  }
}

export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Buffer {
  const data = entryData(bytes, entry)
  if (entry.method === 0) return Buffer.from(data)
  if (entry.method === 8) return inflateRawSync(data)
  throw new Error(`unsupported zip method ${entry.method} in ${entry.name}`)
}
