import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readWorkbookBytes } from './read'
import { DEFAULT_LIMITS, openWorkbook, type OpenResult } from './index'
import { encryptedPackageBytes, workbookBytes } from './test-helpers'
import { setWorkerEntryForTests } from './open'

function errorOf(r: OpenResult) {
  if (r.ok) throw new Error('expected an error')
  return r.error
}

const ROWS = [['訂單編號', '金額'], ...Array.from({ length: 50 }, (_, i) => [`A${i}`, i])]

describe('bad files are errors as data, naming the file', () => {
  it('a truncated or scrambled zip is corrupt', () => {
    const good = workbookBytes({ S: ROWS })
    const truncated = good.subarray(0, Math.floor(good.length / 2))
    const e = errorOf(readWorkbookBytes('/tmp/壞掉的.xlsx', truncated))
    expect(e.code).toBe('corrupt')
    expect(e.file).toBe('/tmp/壞掉的.xlsx')
    expect(e.message).toContain('壞掉的.xlsx')
    expect(e.messageEn).toMatch(/damaged/)
    const scrambled = Buffer.from(good)
    for (let i = 200; i < scrambled.length - 200; i += 7) scrambled[i] ^= 0x5a
    expect(errorOf(readWorkbookBytes('x.xlsx', scrambled)).code).toBe('corrupt')
  })

  it('a renamed PDF or image is unsupported, saying what it looks like', () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'), Buffer.alloc(300, 0)])
    const e = errorOf(readWorkbookBytes('訂單.xlsx', pdf))
    expect(e.code).toBe('unsupported')
    expect(e.messageEn).toContain('PDF')
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    expect(errorOf(readWorkbookBytes('x.csv', png)).code).toBe('unsupported')
  })

  it('a zip that is not a spreadsheet is unsupported', async () => {
    const XLSX = await import('xlsx')
    const zip = XLSX.CFB.utils.cfb_new()
    XLSX.CFB.utils.cfb_add(zip, '/word/document.xml', Buffer.from('<w:document/>'))
    const bytes = Buffer.from(XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip' }) as Uint8Array)
    expect(errorOf(readWorkbookBytes('x.docx', bytes)).code).toBe('unsupported')
  })

  it('an encrypted (password-protected) package is encrypted', () => {
    const e = errorOf(readWorkbookBytes('secret.xlsx', encryptedPackageBytes()))
    expect(e.code).toBe('encrypted')
    expect(e.messageZh).toContain('密碼')
  })

  it('an empty file, a whitespace-only CSV and a workbook without data are empty', () => {
    expect(errorOf(readWorkbookBytes('x.csv', new Uint8Array())).code).toBe('empty')
    expect(errorOf(readWorkbookBytes('x.csv', Buffer.from('\r\n , \n\n'))).code).toBe('empty')
    expect(errorOf(readWorkbookBytes('x.xlsx', workbookBytes({ A: [], B: [[]] }))).code).toBe('empty')
  })

  it('enforces the file size and row limits', () => {
    const bytes = workbookBytes({ S: ROWS })
    const big = errorOf(readWorkbookBytes('big.xlsx', bytes, {}, { maxFileBytes: 100 }))
    expect(big.code).toBe('too_large')
    expect(big.messageEn).toContain('limit')
    expect(errorOf(readWorkbookBytes('x.xlsx', bytes, {}, { maxRows: 10 })).code).toBe('too_many_rows')
    const csv = Buffer.from(ROWS.map((r) => r.join(',')).join('\n'))
    expect(errorOf(readWorkbookBytes('x.csv', csv, {}, { maxRows: 10 })).code).toBe('too_many_rows')
    expect(readWorkbookBytes('x.csv', csv, {}, { maxRows: 50 }).ok).toBe(true)
  })

  it('never throws on garbage: random bytes, and real files with random damage', () => {
    let seed = 7
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296
    const samples = [
      workbookBytes({ S: ROWS }),
      workbookBytes({ S: ROWS }, 'xls'),
      workbookBytes({ S: ROWS }, 'ods'),
      encryptedPackageBytes()
    ]
    for (let i = 0; i < 40; i++) {
      const base = samples[i % samples.length]
      const bytes =
        i < 8 ? Buffer.from(Array.from({ length: 64 + i * 100 }, () => Math.floor(rand() * 256))) : Buffer.from(base)
      if (i >= 8) for (let k = 0; k < 20; k++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256)
      const r = readWorkbookBytes(`f${i}.${['xlsx', 'xls', 'ods', 'csv'][i % 4]}`, bytes)
      if (!r.ok)
        expect(['corrupt', 'unsupported', 'empty', 'encrypted', 'too_many_rows', 'too_large']).toContain(r.error.code)
    }
  })

  it('has sensible defaults', () => {
    expect(DEFAULT_LIMITS).toEqual({
      maxFileBytes: 200 * 1024 * 1024,
      maxRows: 1_000_000,
      timeoutMs: 120_000,
      maxHeapMb: 1024,
      maxUnzippedBytes: 1536 * 1024 * 1024,
      maxZipRatio: 200
    })
  })
})

describe('openWorkbook runs the reader in a worker', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'orderdock-wb-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reads a file by path and bytes by name', async () => {
    const path = join(dir, '訂單.xlsx')
    writeFileSync(path, workbookBytes({ S: ROWS }))
    const byPath = await openWorkbook({ path })
    expect(byPath.ok && byPath.table.rows.length).toBe(50)
    const byBytes = await openWorkbook(
      { name: 'x.csv', bytes: new Uint8Array(Buffer.from('a,b\n1,2\n')) },
      { maxRows: 1 }
    )
    expect(byBytes.ok && byBytes.table.rows[0].cells.map((c) => c.v)).toEqual(['1', '2'])
  })

  it('returns errors from the worker as data', async () => {
    expect(errorOf(await openWorkbook({ path: join(dir, 'missing.xlsx') })).code).toBe('not_found')
    const empty = join(dir, 'empty.csv')
    writeFileSync(empty, '')
    expect(errorOf(await openWorkbook({ path: empty })).code).toBe('empty')
    const enc = join(dir, 'secret.xlsx')
    writeFileSync(enc, encryptedPackageBytes())
    expect(errorOf(await openWorkbook({ path: enc })).code).toBe('encrypted')
    expect(errorOf(await openWorkbook({ path: enc }, {}, { maxFileBytes: 10 })).code).toBe('too_large')
  })

  it('reads in-process when the worker cannot start, instead of calling the file damaged', async () => {
    const path = join(dir, 'ok.xlsx')
    writeFileSync(path, workbookBytes({ S: ROWS }))
    setWorkerEntryForTests({ eval: false, file: join(dir, 'no-such-worker.js') })
    try {
      const r = await openWorkbook({ path })
      expect(r.ok && r.table.rows.length).toBe(50)
    } finally {
      setWorkerEntryForTests(null)
    }
  })

  it('stops a read that runs past the timeout', async () => {
    const path = join(dir, 'slow.xlsx')
    writeFileSync(path, workbookBytes({ S: ROWS }))
    const e = errorOf(await openWorkbook({ path }, {}, { timeoutMs: 1 }))
    expect(e.code).toBe('timeout')
    expect(e.messageEn).toContain('slow.xlsx')
  })

  it('stops a read that needs more memory than the cap', async () => {
    const aoa: unknown[][] = [['id', 'text']]
    for (let i = 0; i < 60_000; i++) aoa.push([i, `row ${i} `.repeat(20)])
    const path = join(dir, 'huge.xlsx')
    writeFileSync(path, workbookBytes({ S: aoa }))
    const e = errorOf(await openWorkbook({ path }, {}, { maxHeapMb: 16 }))
    expect(e.code).toBe('out_of_memory')
  })
})
