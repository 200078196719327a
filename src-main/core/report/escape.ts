// Formula-injection defence (OWASP CSV injection): a text cell that a spreadsheet could run as a formula gets a leading quote.

const FORMULA_START = /^[=+\-@\t\r]/

/** Text beginning with =, +, -, @, tab or CR is prefixed with a single quote; everything else is returned unchanged. */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

export type ReportValue = string | number | boolean | null

/** Only text can carry a formula; a JS number or boolean is written as a value. */
export function safeValue(value: ReportValue): ReportValue {
  return typeof value === 'string' ? escapeFormula(value) : value
}

/** One CSV field: escaped, then quoted when it holds a comma, quote or line break. */
export function csvField(value: ReportValue): string {
  if (value === null) return ''
  const text = String(safeValue(value))
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
