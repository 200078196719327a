// Realistic export files for every source layout, built here (no fixture files in the repo): the platform's header
// row, its title rows, its one-row-per-item habit, and values as it writes them (民國 dates, "NT$1,990", 已付款 …).
import * as XLSX from 'xlsx'
import iconv from 'iconv-lite'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

export type Row = Record<string, string | number>

export interface ExportFixture {
  /** File name written (its extension decides the reader). */
  file: string
  headers: readonly string[]
  /** Rows above the header (report title, export time). */
  titleRows?: string[][]
  rows: Row[]
  /** xlsx, or a CSV in Big5 (cp950) as Taiwanese back offices write it, or UTF-8 with BOM. */
  format: 'xlsx' | 'xls' | 'csv-big5' | 'csv-utf8'
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)

/** Writes the fixture into dir and returns its path. Cells a row leaves out are blank, as the platforms leave them. */
export function writeExport(dir: string, fx: ExportFixture): string {
  const body = fx.rows.map((r) => fx.headers.map((h) => r[h] ?? ''))
  const aoa: (string | number)[][] = [...(fx.titleRows ?? []), [...fx.headers], ...body]
  const path = join(dir, fx.file)
  if (fx.format === 'xlsx' || fx.format === 'xls') {
    const wb = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Sheet1')
    writeFileSync(
      path,
      XLSX.write(wb, { type: 'buffer', bookType: fx.format === 'xls' ? 'biff8' : 'xlsx', compression: true }) as Buffer
    )
  } else {
    const text = aoa.map((r) => r.map((v) => quote(String(v))).join(',')).join('\r\n') + '\r\n'
    writeFileSync(
      path,
      fx.format === 'csv-big5'
        ? iconv.encode(text, 'cp950')
        : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
    )
  }
  return path
}

/** Every row of an order repeats its order-level cells (Shopee, SHOPLINE, 91APP, CYBERBIZ, momo do this). */
export function itemRows(order: Row, items: Row[]): Row[] {
  return items.map((item) => ({ ...order, ...item }))
}

/** Only the first row of an order carries its order-level cells (Shopify leaves them blank on later line items). */
export function firstRowOnly(order: Row, items: Row[], orderKeys: string[]): Row[] {
  return items.map((item, i) => {
    const kept = i === 0 ? order : Object.fromEntries(Object.entries(order).filter(([k]) => orderKeys.includes(k)))
    return { ...kept, ...item }
  })
}
