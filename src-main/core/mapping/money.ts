// Money from a cell to a request body with decimal.js: never a float in between.
import Decimal from 'decimal.js'
import { cleanText } from './text'
import { fail, ok, empty, shown, type Normalized } from './normalized'

// Currency marks shops put around amounts. Longest first so "NT$" wins over "NT" and "$".
const PREFIX = /^(?:NT\$|NTD|TWD|NT|US\$|USD|HK\$|HKD|S\$|SGD|RMB|CNY|JPY|EUR|GBP|MYR|THB|KRW|\$|¥|€|£|₩|฿)/i
const SUFFIX = /(?:元整|元|圓|円|塊|NTD|TWD|USD|HKD|SGD|CNY|RMB|JPY|EUR|GBP|MYR|THB|KRW)$/i
const PLAIN = /^(?:\d+(?:\.\d+)?|\.\d+)$/
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/

/**
 * Parse an amount. Accepts "NT$1,990", "1,200.50", "$990", "NT 990", "TWD 990", "990元", full-width digits, spaces
 * around, and numeric cells (read as Excel shows them: 15 significant digits, so 1039.5000000000002 → 1039.5).
 * Rejects: garbage and bad grouping ("1.2.3", "12,34,5") → money_invalid; negatives ("-5", "(5)") → money_negative;
 * more than 2 decimals ("12.345") → money_precision (never rounded silently: the user rounds in the sheet); blank → empty.
 */
export function parseMoney(input: string | number | null | undefined): Normalized<Decimal> {
  if (input === null || input === undefined) return empty()
  if (typeof input === 'number') return fromNumber(input)
  let text = cleanText(input)
  if (text === '') return empty()
  let negative = false
  // Accounting negatives: (990) or （990）, already half-width after NFKC.
  const bracketed = /^\((.*)\)$/.exec(text)
  if (bracketed) {
    negative = true
    text = bracketed[1].trim()
  }
  for (let pass = 0; pass < 2; pass++) {
    if (/^[-−]/.test(text)) {
      negative = true
      text = text.slice(1).trim()
    }
    if (/^\+/.test(text)) text = text.slice(1).trim()
    text = text.replace(PREFIX, '').trim()
  }
  text = text.replace(SUFFIX, '').trim()
  if (/[-−]$/.test(text)) {
    negative = true
    text = text.slice(0, -1).trim()
  }
  if (!PLAIN.test(text) && !GROUPED.test(text)) return invalid(input)
  const amount = new Decimal(text.replace(/,/g, ''))
  return checked(negative ? amount.negated() : amount, input)
}

function fromNumber(n: number): Normalized<Decimal> {
  if (!Number.isFinite(n)) return invalid(n)
  // toPrecision(15) is what Excel displays; it drops binary noise such as 0.30000000000000004.
  return checked(new Decimal(n.toPrecision(15)), n)
}

function checked(amount: Decimal, input: unknown): Normalized<Decimal> {
  if (amount.isNegative() && !amount.isZero()) {
    return fail(
      'money_negative',
      `金額「${shown(input)}」是負數。匯入的金額必須是 0 或正數；退款請改用狀態「已退款」。`,
      `The amount "${shown(input)}" is negative. Amounts must be 0 or more; for refunds use the status "refunded".`
    )
  }
  if (amount.decimalPlaces() > 2) {
    return fail(
      'money_precision',
      `金額「${shown(input)}」超過 2 位小數。請在試算表中四捨五入到 2 位小數。`,
      `The amount "${shown(input)}" has more than 2 decimals. Round it to 2 decimals in the sheet.`
    )
  }
  return ok(amount.abs())
}

function invalid(input: unknown): Normalized<Decimal> {
  return fail(
    'money_invalid',
    `「${shown(input)}」不是金額。請填數字，例如 1990、1,990.50 或 NT$1,990。`,
    `"${shown(input)}" is not an amount. Enter a number such as 1990, 1,990.50 or NT$1,990.`
  )
}

/** Two fixed decimals for 帳獸: "1990.00". */
export function formatMoney2(d: Decimal): string {
  return d.toFixed(2, Decimal.ROUND_HALF_UP)
}

/** A JSON number for SHOPLINE, converted only at the edge. Throws RangeError if d has more than 2 decimals or cannot be exact. */
export function moneyToJsonNumber(d: Decimal): number {
  if (d.decimalPlaces() > 2) throw new RangeError(`money ${d.toString()} has more than 2 decimals`)
  const n = d.toNumber()
  if (!Number.isFinite(n) || d.abs().greaterThan(Number.MAX_SAFE_INTEGER / 100)) {
    throw new RangeError(`money ${d.toString()} is too large for a JSON number`)
  }
  return n
}
