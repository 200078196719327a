// Formula-injection defence (OWASP CSV injection). CSV: a text cell a spreadsheet could run as a formula gets a leading quote.
// xlsx: text is written as a string cell, exactly as it is; a string cell is never evaluated, so no quote is added.

// Excel skips leading spaces (also NBSP, ideographic space, line breaks) and reads full-width ＝＋－＠ like their ASCII forms.
const FORMULA_START = /^(?:[\t\r\n]|[\s\u00a0\u3000\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b])/

/** Text a spreadsheet could read as a formula is prefixed with a single quote; everything else is returned unchanged. */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

export type ReportValue = string | number | boolean | null

/** Only text can carry a formula; a JS number or boolean is written as a value. (CSV only: xlsx keeps text as is.) */
export function safeValue(value: ReportValue): ReportValue {
  return typeof value === 'string' ? escapeFormula(value) : value
}

/** One CSV field: escaped, then quoted when it holds a comma, semicolon (the separator in many locales), quote or line break. */
export function csvField(value: ReportValue): string {
  if (value === null) return ''
  const text = String(safeValue(value))
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
