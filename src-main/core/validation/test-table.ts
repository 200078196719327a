// Test helper: a SheetTable from plain values (strings become text cells, numbers numeric cells, '' empty cells).
import { readFileSync } from 'node:fs'
import type { Cell, SheetTable } from '../workbook/types'
import { readWorkbookBytes } from '../workbook/index'
import { PUBLIC_SAMPLES_DIR } from '../../../test/public-samples'

export function cell(v: string | number | Cell): Cell {
  if (typeof v === 'object') return v
  if (typeof v === 'number') return { t: 'n', v, w: String(v) }
  return v === '' ? { t: 'z', v: null, w: '' } : { t: 's', v, w: v }
}

/** Data rows start right under the header (row 1), so the first data row is row 2, as Excel shows it. */
export function tableOf(headers: string[], rows: (string | number | Cell)[][], headerRow = 1): SheetTable {
  return {
    file: 'test.xlsx',
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    sheets: [{ name: 'Sheet1', rowCount: rows.length + 1 }],
    sheet: 'Sheet1',
    headerRow,
    headers,
    rows: rows.map((r, i) => ({ rowNumber: headerRow + 1 + i, cells: r.map(cell) }))
  }
}

/** Read one of the public samples in place (never copied into the project). */
export function readSample(name: string): SheetTable {
  const r = readWorkbookBytes(name, readFileSync(`${PUBLIC_SAMPLES_DIR}/${name}`))
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`)
  return r.table
}
