// "Open with OrderDock": find the spreadsheet path Windows and Linux put on the command line.
import { extname } from 'node:path'

export const SPREADSHEET_EXTENSIONS: readonly string[] = ['.xlsx', '.xlsm', '.xls', '.ods', '.csv', '.tsv']

export function isSpreadsheetPath(path: string): boolean {
  return SPREADSHEET_EXTENSIONS.includes(extname(path).toLowerCase())
}

/** The last non-flag argument that names a spreadsheet, or null (flags and the app path itself are skipped). */
export function spreadsheetFromArgv(argv: readonly string[]): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i]
    if (!arg.startsWith('-') && isSpreadsheetPath(arg)) return arg
  }
  return null
}
