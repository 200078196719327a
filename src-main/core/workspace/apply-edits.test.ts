import { describe, it, expect } from 'vitest'
import type { SheetTable } from '../workbook/types'
import { applyEdits, type EditedRow } from './apply-edits'

function table(): SheetTable {
  return {
    file: 'a.xlsx',
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    sheets: [{ name: 'S', rowCount: 4 }],
    sheet: 'S',
    headerRow: 1,
    headers: ['訂單編號', '金額', 'Email'],
    rows: [
      {
        rowNumber: 2,
        cells: [
          { t: 's', v: 'A1', w: 'A1' },
          { t: 'n', v: 1990, w: 'NT$1,990' },
          { t: 's', v: 'a@x.com', w: 'a@x.com' }
        ]
      },
      { rowNumber: 3, cells: [{ t: 's', v: 'A2', w: 'A2' }] },
      {
        rowNumber: 5,
        cells: [
          { t: 's', v: 'A3', w: 'A3' },
          { t: 'n', v: 5, w: '5' }
        ]
      }
    ]
  }
}

describe('applyEdits', () => {
  it('overlays typed text as text cells and leaves the source table and unedited rows alone', () => {
    const source = table()
    const out = applyEdits(source, { '2': { 金額: '2,000' }, '3': { Email: 'b@x.com' } })
    expect(out.rows[0].cells[1]).toEqual({ t: 's', v: '2,000', w: '2,000' })
    expect(out.rows[0].cells[0]).toBe(source.rows[0].cells[0])
    expect((out.rows[0] as EditedRow).edited).toEqual(['金額'])
    // a short row is padded up to the edited column
    expect(out.rows[1].cells).toEqual([
      { t: 's', v: 'A2', w: 'A2' },
      { t: 'z', v: null, w: '' },
      { t: 's', v: 'b@x.com', w: 'b@x.com' }
    ])
    expect(out.rows[2]).toBe(source.rows[2])
    expect(source.rows[0].cells[1]).toEqual({ t: 'n', v: 1990, w: 'NT$1,990' })
    expect(out.headers).toBe(source.headers)
  })

  it('turns an emptied cell into a blank, ignores unknown columns and rows', () => {
    const out = applyEdits(table(), { '2': { Email: '', 不存在: 'x' }, '99': { 金額: '1' } })
    expect(out.rows[0].cells[2]).toEqual({ t: 'z', v: null, w: '' })
    expect(out.rows[0].cells).toHaveLength(3)
    expect((out.rows[0] as EditedRow).edited).toEqual(['Email'])
  })

  it('marks excluded rows', () => {
    const out = applyEdits(table(), {}, [3, 5])
    expect(out.rows.map((r) => (r as EditedRow).excluded ?? false)).toEqual([false, true, true])
  })
})
