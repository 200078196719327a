import { describe, expect, it } from 'vitest'
import { packRows } from '../workbook/compact-rows'
import type { Cell, SheetRow } from '../workbook/types'
import { ArrayRowList, CompactRowList, OverlayRowList, findRowIndex } from './row-list'

const s = (v: string): Cell => ({ t: 's', v, w: v })
const row = (rowNumber: number, ...texts: string[]): SheetRow => ({ rowNumber, cells: texts.map(s) })
const texts = (r: SheetRow) => r.cells.map((c) => c.w)

describe('CompactRowList', () => {
  it('reads rows back across chunks, by index and in order, padded to the width', () => {
    const list = new CompactRowList(3)
    list.add(packRows([row(2, 'a', 'b'), row(3, 'c')], 2))
    list.addRows([row(5, 'd', 'e', 'f', 'g')]) // wider than the header: kept until the width is final
    expect(list.length).toBe(3)
    expect([0, 1, 2].map((i) => list.rowNumberAt(i))).toEqual([2, 3, 5])
    expect(texts(list.rowAt(1))).toEqual(['c', '', ''])
    expect(texts(list.rowAt(2))).toEqual(['d', 'e', 'f', 'g'])
    expect([...list].map(texts)).toEqual([
      ['a', 'b', ''],
      ['c', '', ''],
      ['d', 'e', 'f', 'g']
    ])
    expect(() => list.rowAt(3)).toThrow(RangeError)
  })

  it('an edited row replaces the stored one, and the final width pads or cuts every row', () => {
    const list = new CompactRowList(2)
    list.addRows([row(2, 'a', 'b'), row(3, 'c', 'd', 'x')])
    list.set(0, row(2, 'A'))
    expect(texts(list.rowAt(0))).toEqual(['A'])
    list.setWidth(2)
    expect([...list].map(texts)).toEqual([
      ['A', ''],
      ['c', 'd']
    ])
  })
})

describe('CompactRowList.slice', () => {
  it('gives a page across chunk borders, with edited rows in place, and shares repeated cells within it', () => {
    const list = new CompactRowList(2)
    list.addRows([row(2, 'a', 'same'), row(3, 'b', 'same')])
    list.addRows([row(4, 'c', 'same'), row(5, 'd', 'same')])
    list.set(2, row(4, 'C'))
    const page = list.slice(1, 4)
    expect(page.map((r) => r.rowNumber)).toEqual([3, 4, 5])
    expect(page.map(texts)).toEqual([['b', 'same'], ['C'], ['d', 'same']])
    expect(list.slice(3, 99).map((r) => r.rowNumber)).toEqual([5])
    expect([...list.column(1)].map((c) => c?.w)).toEqual(['same', 'same', undefined, 'same'])
    expect([...list.column(0)].map((c) => c?.w)).toEqual(['a', 'b', 'C', 'd'])
    const first = list.slice(0, 2)
    expect(first[0].cells[1]).toBe(first[1].cells[1]) // one Cell for the repeated text
  })
})

describe('OverlayRowList', () => {
  it('shows its own rows over the list below, which never changes; reset shows the row below again', () => {
    const below = new CompactRowList(1)
    below.addRows([row(2, 'a'), row(3, 'b'), row(4, 'c')])
    const over = new OverlayRowList(below)
    over.set(1, row(3, 'B'))
    expect([...over].map(texts)).toEqual([['a'], ['B'], ['c']])
    expect(over.slice(1, 3).map(texts)).toEqual([['B'], ['c']])
    expect(texts(over.rowAt(1))).toEqual(['B'])
    expect(texts(below.rowAt(1))).toEqual(['b'])
    expect([...over.column(0)].map((c) => c?.w)).toEqual(['a', 'B', 'c'])
    over.reset(1)
    expect(texts(over.rowAt(1))).toEqual(['b'])
    expect(() => over.set(3, row(5, 'x'))).toThrow(RangeError)
  })
})

describe('findRowIndex', () => {
  it('finds a row number in ascending rows and in rows out of order, and -1 for one that is not there', () => {
    const ascending = new ArrayRowList([row(2), row(3), row(7), row(9)])
    expect([2, 3, 7, 9, 4, 1, 10].map((n) => findRowIndex(ascending, n))).toEqual([0, 1, 2, 3, -1, -1, -1])
    const unordered = new ArrayRowList([row(9), row(2), row(7)])
    expect([9, 2, 7, 3].map((n) => findRowIndex(unordered, n))).toEqual([0, 1, 2, -1])
  })
})
