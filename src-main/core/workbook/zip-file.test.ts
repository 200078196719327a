// A zip read from disk piece by piece (the worker's streamed read of a file) sees exactly what the bytes in memory show.
import { afterAll, describe, expect, it } from 'vitest'
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileSource, listZip, type ZipBytes } from './zip'
import { inflateEntry } from './zip-stream'
import { resolveLimits } from './limits'
import * as XLSX from 'xlsx'

const dir = mkdtempSync(join(tmpdir(), 'orderdock-zip-file-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function onDisk(name: string, bytes: Uint8Array): { source: ZipBytes; close: () => void } {
  const path = join(dir, name)
  writeFileSync(path, bytes)
  const fd = openSync(path, 'r')
  return { source: fileSource(fd, bytes.length), close: () => closeSync(fd) }
}

function book(rows: unknown[][], compression: boolean): Uint8Array {
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '訂單')
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression }) as Buffer)
}

async function inflated(bytes: ZipBytes, name: string, entries = listZip(bytes)!): Promise<Buffer> {
  const entry = entries.find((e) => e.name === name)!
  const pieces: Buffer[] = []
  await inflateEntry('x.xlsx', bytes, entry, resolveLimits(), (piece) => void pieces.push(Buffer.from(piece)))
  return Buffer.concat(pieces)
}

describe('zip from disk = zip in memory', () => {
  const rows = [['訂單編號', '金額'], ...Array.from({ length: 40_000 }, (_, i) => [`A${i}`, i * 3.5])]

  for (const compression of [true, false]) {
    it(`lists the same entries and inflates the sheet to the same bytes (${compression ? 'deflated' : 'stored'})`, async () => {
      const bytes = book(rows, compression)
      const { source, close } = onDisk(`w-${compression}.xlsx`, bytes)
      try {
        expect(listZip(source)).toEqual(listZip(bytes))
        const sheet = listZip(bytes)!.find((e) => /worksheets\/sheet1\.xml$/.test(e.name))!
        expect(sheet.compressedSize).toBeGreaterThan(compression ? 1024 * 1024 : 0) // more than one piece from disk
        const fromDisk = await inflated(source, sheet.name)
        expect(fromDisk.equals(await inflated(bytes, sheet.name))).toBe(true)
        expect(fromDisk.toString('utf8')).toContain('<c r="A40001"')
      } finally {
        close()
      }
    })
  }

  it('a cut-off file has no directory either way, and a sheet cut short is an error, not a short table', async () => {
    const bytes = book(rows, true)
    const cut = bytes.subarray(0, bytes.length - 30)
    const { source, close } = onDisk('cut.xlsx', cut)
    try {
      expect(listZip(source)).toBeNull()
      expect(listZip(cut)).toBeNull()
      const entries = listZip(bytes)!
      const sheet = entries.find((e) => /worksheets\/sheet1\.xml$/.test(e.name))!
      const end = sheet.localOffset + 2000
      const short = {
        size: bytes.length,
        read: (o: number, n: number) => bytes.subarray(o, Math.max(o, Math.min(o + n, end)))
      }
      await expect(inflated(short, sheet.name, entries)).rejects.toThrow(/ends early/)
    } finally {
      close()
    }
  })
})
