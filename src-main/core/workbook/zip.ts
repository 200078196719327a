// Minimal zip directory reader: lists entries without inflating them, and inflates one entry on demand (node:zlib).
import { constants, inflateRawSync } from 'node:zlib'

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  localOffset: number
}

/** Entries from the central directory, or null when it cannot be found (damaged, or zip64). */
export function listZip(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const min = Math.max(0, bytes.length - 22 - 0xffff)
  let eocd = -1
  for (let i = bytes.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return null
  const count = view.getUint16(eocd + 10, true)
  let pos = view.getUint32(eocd + 16, true)
  if (count === 0xffff || pos === 0xffffffff) return null
  const decoder = new TextDecoder('utf-8')
  const entries: ZipEntry[] = []
  for (let k = 0; k < count; k++) {
    if (pos + 46 > bytes.length || view.getUint32(pos, true) !== 0x02014b50) return null
    const nameLen = view.getUint16(pos + 28, true)
    const extraLen = view.getUint16(pos + 30, true)
    const commentLen = view.getUint16(pos + 32, true)
    entries.push({
      method: view.getUint16(pos + 10, true),
      compressedSize: view.getUint32(pos + 20, true),
      size: view.getUint32(pos + 24, true),
      localOffset: view.getUint32(pos + 42, true),
      name: decoder.decode(bytes.subarray(pos + 46, pos + 46 + nameLen)).replace(/\\/g, '/')
    })
    pos += 46 + nameLen + extraLen + commentLen
  }
  return entries
}

export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const at = entry.localOffset
  if (view.getUint32(at, true) !== 0x04034b50) throw new Error(`bad local header for ${entry.name}`)
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
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
