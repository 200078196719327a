// A session's lookup files: copied beside the source copy, read with the workbook reader, re-read on restore; a copy
// that went missing is reported by name, not fatal.
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { issuesInUse, loadSessionLookups, storeLookupFile, type SessionLookup } from './session-lookups'
import type { LookupIssue } from '../mapping/lookup'

const dir = mkdtempSync(join(tmpdir(), 'orderdock-session-lookups-'))
const source = join(dir, 'source.csv')
writeFileSync(source, '訂單編號,手機\nA,0912345678\n')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('session lookups', () => {
  it('stores the second file beside the source copy (Big5 CSV read like any file) and indexes it on load', async () => {
    const big5 = Buffer.from([0xa4, 0xe2, 0xbe, 0xf7, 0x2c, 0x45, 0x6d, 0x61, 0x69, 0x6c, 0x0a]) // 手機,Email (Big5)
    const bytes = Buffer.concat([big5, Buffer.from('0912-345-678,ming@example.com\n0922111222,hua@example.com\n')])
    const stored = await storeLookupFile(source, '顧客名單.csv', new Uint8Array(bytes))
    expect(stored).toMatchObject({ ok: true, headers: ['手機', 'Email'] })
    if (!stored.ok) return
    expect(stored.copyName).toMatch(/^lookup-[a-f0-9]{8}\.csv$/)
    const lookup: SessionLookup = {
      field: 'customer_email',
      fileName: '顧客名單.csv',
      copyName: stored.copyName,
      keyColumn: '手機',
      valueColumn: 'Email',
      mainKeyColumn: '手機'
    }
    const loaded = await loadSessionLookups(source, [lookup])
    expect(loaded.errors).toEqual([])
    expect(loaded.indexes[0].entries.get('tel:0912345678')?.[0].value).toBe('ming@example.com')

    unlinkSync(join(dir, stored.copyName))
    const gone = await loadSessionLookups(source, [lookup])
    expect(gone.indexes).toEqual([])
    expect(gone.errors[0].field).toBe('customer_email')
    expect(gone.errors[0].en).toContain('Cannot read the lookup file 顧客名單.csv')
    expect(gone.errors[0]['zh-TW']).toContain('無法讀取查詢用的檔案 顧客名單.csv')
  })

  it('only the outcomes of fields still mapped to their lookup column count', () => {
    const spec = {
      field: 'customer_email',
      fileName: 'c.csv',
      keyColumn: '手機',
      valueColumn: 'Email',
      mainKeyColumn: '手機'
    }
    const index = { spec, entries: new Map(), emptyValues: new Map() }
    const issue: LookupIssue = {
      row: 2,
      field: 'customer_email',
      column: '手機',
      code: 'lookup_unmatched',
      value: 'x',
      en: '',
      'zh-TW': ''
    }
    expect(issuesInUse([issue], [index], { customer_email: { column: 'Email ← c.csv' } })).toHaveLength(1)
    expect(issuesInUse([issue], [index], { customer_email: { column: '其他欄' } })).toEqual([])
  })
})
