// Field rules for 帳獸 validation, written from the API documents (messages in the documents' zh-TW style).
import Decimal from 'decimal.js'
import { isPlainObject } from '../http'
import { isoUtc } from '../state'

export type FieldErrors = Record<string, string[]>

export function addError(errors: FieldErrors, field: string, message: string): void {
  ;(errors[field] ??= []).push(message)
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0
}

/** All messages, one line, for a batch item's `message`. */
export function joinMessages(errors: FieldErrors): string {
  return Object.values(errors).flat().join('; ')
}

/** Laravel's top-level message: the first error, plus "(and N more errors)". */
export function laravelMessage(errors: FieldErrors): string {
  const all = Object.values(errors).flat()
  const more = all.length - 1
  return more > 0
    ? `${all[0]} (and ${more} more error${more > 1 ? 's' : ''})`
    : (all[0] ?? 'The given data was invalid.')
}

export function laravel422(errors: FieldErrors): { status: number; body: unknown } {
  return { status: 422, body: { message: laravelMessage(errors), errors } }
}

/** Absent or null: both count as "not given" (Laravel's nullable). */
export function isMissing(value: unknown): boolean {
  return value === undefined || value === null
}

export function requireField(item: Record<string, unknown>, field: string, errors: FieldErrors): boolean {
  const value = item[field]
  if (isMissing(value) || value === '') {
    addError(errors, field, `${field} 欄位為必填`)
    return false
  }
  return true
}

const EMAIL = /^[^\s@"(),:;<>[\]\\]+@[^\s@"(),:;<>[\]\\]+\.[^\s@"(),:;<>[\]\\.]+$/

export function checkEmail(value: unknown, field: string, errors: FieldErrors): string | undefined {
  if (typeof value !== 'string') {
    addError(errors, field, `${field} 必須是字串`)
    return undefined
  }
  if (value.length > 255 || !EMAIL.test(value) || value.includes('..')) {
    addError(errors, field, field === 'email' ? 'Invalid email format' : `${field} 格式不正確（Invalid email format）`)
    return undefined
  }
  return value
}

export function checkString(value: unknown, field: string, errors: FieldErrors, max = 255): string | null | undefined {
  if (isMissing(value)) return null
  if (typeof value !== 'string') {
    addError(errors, field, `${field} 必須是字串`)
    return undefined
  }
  if (value.length > max) {
    addError(errors, field, `${field} 不可超過 ${max} 個字元`)
    return undefined
  }
  return value
}

const MONEY = /^\d{1,13}(\.\d{1,2})?$/

/** A decimal string with at most 2 places, ≥ 0; returned with exactly 2 places ("990" → "990.00"). */
export function checkMoney(value: unknown, field: string, errors: FieldErrors): string | undefined {
  if (typeof value !== 'string') {
    addError(errors, field, `${field} 必須是字串形式的金額，例如 "990.00"`)
    return undefined
  }
  if (!MONEY.test(value)) {
    addError(errors, field, `${field} 必須是不小於 0、最多兩位小數的金額，例如 "990.00"`)
    return undefined
  }
  return new Decimal(value).toFixed(2)
}

export function checkEnum(
  value: unknown,
  field: string,
  allowed: readonly string[],
  errors: FieldErrors
): string | null | undefined {
  if (isMissing(value)) return null
  if (typeof value !== 'string' || !allowed.includes(value)) {
    addError(errors, field, `${field} 必須是下列其中之一：${allowed.join(', ')}`)
    return undefined
  }
  return value
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/

/** ISO 8601 date-time WITH a zone (Z or ±hh:mm); returned as UTC with Z. A zone-less time is ambiguous, so it is refused. */
export function checkDateTime(value: unknown, field: string, errors: FieldErrors): string | null | undefined {
  if (isMissing(value)) return null
  const m = typeof value === 'string' ? DATE_TIME.exec(value) : null
  const ms = m ? Date.parse(value as string) : NaN
  const [y, mo, d, h, mi, s] = m ? m.slice(1, 7).map((x) => Number(x ?? 0)) : []
  const fieldsValid = m && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) && h <= 23 && mi <= 59 && s <= 59
  if (!fieldsValid || Number.isNaN(ms)) {
    addError(errors, field, `${field} 必須是含時區的 ISO 8601 日期時間，例如 "2026-01-09T08:00:00Z"`)
    return undefined
  }
  return isoUtc(ms)
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export function checkObject(
  value: unknown,
  field: string,
  errors: FieldErrors
): Record<string, unknown> | null | undefined {
  if (isMissing(value)) return null
  if (!isPlainObject(value)) {
    addError(errors, field, `${field} 必須是物件（JSON object）`)
    return undefined
  }
  return value
}

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'))

export function checkCurrency(value: unknown, field: string, errors: FieldErrors): string | null | undefined {
  if (isMissing(value)) return null
  if (typeof value !== 'string' || !CURRENCIES.has(value)) {
    addError(errors, field, `${field} 必須是 ISO 4217 幣別代碼（大寫三個字母），例如 TWD`)
    return undefined
  }
  return value
}

export function checkInteger(value: unknown, field: string, errors: FieldErrors): number | undefined {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    addError(errors, field, `${field} 必須是正整數`)
    return undefined
  }
  return value
}
