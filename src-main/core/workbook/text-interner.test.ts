import { describe, expect, it } from 'vitest'
import { packRows } from './compact-rows'
import type { SheetRow } from './types'
import { TextInterner } from './text-interner'

// Strings are compared by value in JS, so which instance is kept cannot be seen here: the memory it saves is measured
// by `npm run bench validate` (peak RSS). These check that texts come back unchanged, which columns are looked up,
// and that the cache stays bounded.
const rows = (from: number, n: number): SheetRow[] =>
  Array.from({ length: n }, (_, i) => ({
    rowNumber: from + i,
    cells: [
      { t: 's', v: `ODK-${from + i}`, w: `ODK-${from + i}` }, // unique: not looked up
      { t: 's', v: `c${i % 3}@example.com`, w: `c${i % 3}@example.com` } // repeats: kept once
    ]
  }))

describe('TextInterner', () => {
  it('looks up the texts of repeating columns only, and gives every text back unchanged', () => {
    const texts = new TextInterner()
    const first = packRows(rows(2, 10), 2)
    const second = packRows(rows(12, 10), 2)
    const before = [[...first.strings], [...second.strings]]
    texts.internRepeated(first)
    texts.internRepeated(second)
    expect([first.strings, second.strings]).toEqual(before)
    expect(texts.size).toBe(3) // the three e-mails, not the twenty order numbers
  })

  it('keeps at most two generations of texts, however many unique texts pass', () => {
    const texts = new TextInterner(1000)
    for (let i = 0; i < 100_000; i++) expect(texts.intern(`ODK-${i}`)).toBe(`ODK-${i}`)
    expect(texts.size).toBeLessThanOrEqual(2000)
  })
})
