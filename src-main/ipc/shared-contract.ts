// Types every contract module shares (contract.ts, prepare-contract.ts, profiles-contract.ts import them from here,
// never from each other, so the contract has no import cycle). contract.ts re-exports them for the renderer.
import type { SheetRow, SheetTable } from '../core/workbook/types'

export interface Localized {
  'zh-TW': string
  en: string
}

/** An opened spreadsheet as the renderer sees it: the summary and the first rows, never the whole table. */
export interface WorkbookView extends Pick<
  SheetTable,
  'file' | 'format' | 'encoding' | 'delimiter' | 'sheets' | 'sheet' | 'headerRow' | 'headers'
> {
  sessionId: string
  /** The first rows under the header (at most previewLimit). */
  preview: SheetRow[]
  previewLimit: number
  /** Data rows in the whole sheet (estimated until the full read), or null when unknown. */
  totalRows: number | null
  /** Encodings the user can switch to; empty for workbooks, which carry their own. */
  encodings: EncodingChoice[]
}

export interface EncodingChoice {
  /** What workbook.preview takes, e.g. 'big5'. */
  id: string
  label: Localized
}
