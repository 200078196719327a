// Test-only helpers: spreadsheet bytes built in memory with SheetJS (no fixture files in the repo).
import * as XLSX from 'xlsx'

export type Aoa = unknown[][]

export function workbookBytes(
  sheets: Record<string, XLSX.WorkSheet | Aoa>,
  bookType: XLSX.BookType = 'xlsx',
  date1904 = false,
  sharedStrings = false
): Buffer {
  const wb = XLSX.utils.book_new()
  for (const [name, sheet] of Object.entries(sheets)) {
    const ws = Array.isArray(sheet) ? XLSX.utils.aoa_to_sheet(sheet) : sheet
    XLSX.utils.book_append_sheet(wb, ws, name)
  }
  if (date1904) wb.Workbook = { WBProps: { date1904: true } }
  return XLSX.write(wb, { type: 'buffer', bookType, compression: true, bookSST: sharedStrings }) as Buffer
}

export function sheet(aoa: Aoa): XLSX.WorkSheet {
  return XLSX.utils.aoa_to_sheet(aoa)
}

/** An OLE container shaped like an encrypted OOXML package (what Excel writes for "Encrypt with Password"). */
export function encryptedPackageBytes(): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new()
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0, 60, 63, 120, 109, 108]))
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096, 7))
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array)
}
