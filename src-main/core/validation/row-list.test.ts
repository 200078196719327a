import { describe, expect, it } from 'vitest'
import { packRows } from '../workbook/compact-rows'
import type { Cell, SheetRow } from '../workbook/types'
import { CompactRowList } from './row-list'

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
