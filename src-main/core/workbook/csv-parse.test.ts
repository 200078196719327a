import { describe, expect, it } from 'vitest'
import { detectDelimiter, parseCsv } from './csv'
import { ENCODINGS, normalizeEncoding } from './encoding'

describe('parseCsv edge cases', () => {
  it('handles CRLF, lone CR, a trailing delimiter and a missing final newline', () => {
    expect(parseCsv('a,b\r\n1,2\r3,\n4,5', ',')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', ''] },
      { line: 4, fields: ['4', '5'] }
    ])
  })

  it('keeps an unterminated quote as the rest of the text instead of hanging', () => {
    expect(parseCsv('a,"open\nstill open', ',')).toEqual([{ line: 1, fields: ['a', 'open\nstill open'] }])
  })

  it('stops after maxRecords', () => {
    expect(parseCsv('1\n2\n3\n4\n', ',', 2).map((r) => r.fields[0])).toEqual(['1', '2'])
  })
})

describe('detectDelimiter', () => {
  it('prefers the delimiter that splits lines consistently, ignoring quoted text', () => {
    expect(detectDelimiter('name;note\n"a, b, c";x\n"d, e";y\n')).toBe(';')
    expect(detectDelimiter('a\tb\tc\n1\t2,5\t3\n')).toBe('\t')
    expect(detectDelimiter('title line\na,b\n1,2\n')).toBe(',')
    expect(detectDelimiter('only one column\nvalue\n')).toBe(',')
  })
})

describe('encodings', () => {
  it('offers the seven encodings with zh-TW and English labels, and understands common aliases', () => {
    expect(ENCODINGS.map((e) => e.id)).toEqual([
      'utf-8',
      'utf-16le',
      'utf-16be',
      'big5',
      'shift_jis',
      'gb18030',
      'windows-1252'
    ])
    for (const e of ENCODINGS) expect(e.label['zh-TW'] && e.label.en).toBeTruthy()
    expect(['CP950', 'Big5', 'UTF8', 'sjis', 'Shift-JIS', 'GBK', 'latin1'].map(normalizeEncoding)).toEqual([
      'big5',
      'big5',
      'utf-8',
      'shift_jis',
      'shift_jis',
      'gb18030',
      'windows-1252'
    ])
    expect(normalizeEncoding('ebcdic')).toBeNull()
  })
})
