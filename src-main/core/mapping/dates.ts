// Spreadsheet dates and times → ISO 8601 UTC. A time without an offset is wall-clock time in the session's zone.
import { IANAZone } from 'luxon'
import { TwoKeyCache } from '../bounded-cache'
import { cleanText } from './text'
import { fail, ok, empty, shown, type Normalized } from './normalized'

export type DateOrder = 'ymd' | 'dmy' | 'mdy'
export interface DateOptions {
  /** IANA zone for times without an offset, e.g. 'Asia/Taipei'. */
  timezone: string
  /** Day/month order of "a/b/yyyy" dates, chosen once per column; needed when both parts are ≤ 12. */
  order?: DateOrder
}

interface Parts {
  y: number
  mo: number
  d: number
  h: number
  mi: number
  s: number
  ms: number
  offset: number | null
}
type DateOnly = { y: number; mo: number; d: number; rest: string }
type StepFail = { ok: false; code: string; message: Normalized<never> }
type Step<T> = { ok: true; value: T } | StepFail

const MIN_YEAR = 1900
const MAX_YEAR = 2199
const ROC_OFFSET = 1911
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/**
 * Parse a date/time cell to "YYYY-MM-DDTHH:mm:ssZ" (UTC; ".sss" only when milliseconds are non-zero).
 * kind 'd': the reader's zone-less wall clock "YYYY-MM-DDTHH:mm:ss". kind 'n' or a number: an Excel 1900 serial
 * (46031 = 2026-01-09), or an 8-digit number 20260109. Strings: ISO 8601 with/without offset (also Shopify's
 * "2025-05-11 09:55:16 -0400"), 2026/1/9 08:00, 2026.1.9, 民國 115/01/09, 115年1月9日 下午3:05, dd-mm-yyyy / mm/dd/yyyy
 * (order from opts.order, inferred when a part is > 12, else date_ambiguous), "9 Jan 2026", "Jan 9, 2026 3:05 PM".
 */
export function parseDateTime(
  input: string | number | null | undefined,
  opts: DateOptions & { kind?: 's' | 'n' | 'd' }
): Normalized<string> {
  const zone = opts.timezone || 'Asia/Taipei'
  if (!zoneNamed(zone)) {
    return fail(
      'timezone_invalid',
      `時區「${shown(zone)}」不存在。請用像 Asia/Taipei 的 IANA 時區名稱。`,
      `The time zone "${shown(zone)}" does not exist. Use an IANA name such as Asia/Taipei.`
    )
  }
  if (input === null || input === undefined) return empty()
  if (typeof input === 'number') return fromSerial(input, zone)
  const text = cleanText(input)
  if (text === '') return empty()
  if (/^\d{5}(?:\.\d+)?$/.test(text) || (opts.kind === 'n' && /^\d+(?:\.\d+)?$/.test(text)))
    return fromSerial(Number(text), zone)
  const parts = parseText(text, opts.order)
  return parts.ok ? toUtc(parts.value, zone, input) : parts.message
}

/** Day/month order of a whole column of "a/b/yyyy" values: a first part > 12 → dmy, a second part > 12 → mdy. */
export function detectDateOrder(values: string[]): DateOrder | 'ambiguous' | null {
  let seen = false
  let dayFirst = false
  let monthFirst = false
  for (const value of values) {
    const m = /^(\d{1,2})[/\-.](\d{1,2})[/\-.]\d{4}(?!\d)/.exec(cleanText(String(value ?? '')))
    if (!m) continue
    seen = true
    if (Number(m[1]) > 12) dayFirst = true
    if (Number(m[2]) > 12) monthFirst = true
  }
  if (!seen) return null
  if (dayFirst && !monthFirst) return 'dmy'
  if (monthFirst && !dayFirst) return 'mdy'
  return 'ambiguous'
}

function fromSerial(n: number, zone: string): Normalized<string> {
  if (Number.isInteger(n) && n >= 19000101 && n <= 21991231) return parseDateTimeText(String(n), zone)
  if (!Number.isFinite(n) || n < 1 || n >= 2958466) {
    return fail(
      'date_invalid',
      `「${shown(n)}」不是日期（超出 Excel 日期序號的範圍）。請填像 2026/1/9 的日期。`,
      `"${shown(n)}" is not a date (outside Excel's date serial range). Enter a date such as 2026-01-09.`
    )
  }
  const days = Math.floor(n)
  if (days === 60) {
    return fail(
      'date_invalid',
      '序號 60 是 Excel 的 1900/2/29，這天並不存在。請改填正確日期。',
      "Serial 60 is Excel's 1900-02-29, a day that never existed. Enter the real date."
    )
  }
  // Excel counts 1900-01-01 as day 1 and wrongly includes 1900-02-29, so serials after 60 start one day earlier.
  const base = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30)
  const wall = new Date(base + days * 86_400_000 + Math.round((n - days) * 86_400_000))
  return toUtc(
    {
      y: wall.getUTCFullYear(),
      mo: wall.getUTCMonth() + 1,
      d: wall.getUTCDate(),
      h: wall.getUTCHours(),
      mi: wall.getUTCMinutes(),
      s: wall.getUTCSeconds(),
      ms: wall.getUTCMilliseconds(),
      offset: null
    },
    zone,
    n
  )
}

function parseDateTimeText(text: string, zone: string): Normalized<string> {
  const parts = parseText(text, undefined)
  return parts.ok ? toUtc(parts.value, zone, text) : parts.message
}

function parseText(raw: string, order: DateOrder | undefined): Step<Parts> {
  const text = raw
    .replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, '')
    .replace(/\s*\(\s*(?:週|周|星期|禮拜)?[一二三四五六日天]\s*\)|\s*(?:週|周|星期|禮拜)[一二三四五六日天]/g, ' ')
    .trim()
  const date = parseDatePart(text, order, raw)
  if (!date.ok) return date
  const time = parseTimePart(date.value.rest, raw)
  if (!time.ok) return time
  return { ok: true, value: { y: date.value.y, mo: date.value.mo, d: date.value.d, ...time.value } }
}

function parseDatePart(text: string, order: DateOrder | undefined, raw: string): Step<DateOnly> {
  let m = /^(?:中華)?(民[國国])?\s*(\d{1,4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日號号]?(.*)$/.exec(text)
  if (m) {
    const roc = Boolean(m[1]) || m[2].length <= 3
    return dateOnly(Number(m[2]) + (roc ? ROC_OFFSET : 0), Number(m[3]), Number(m[4]), m[5])
  }
  m = /^(?:中華)?(民[國国])?\s*(\d{1,4})([/\-.])(\d{1,2})\3(\d{1,4})(?![\d/.-])(.*)$/.exec(text)
  if (m) {
    const [, roc, a, , b, c, rest] = m
    if (a.length === 4 && c.length <= 2) return dateOnly(Number(a), Number(b), Number(c), rest)
    if ((roc || a.length === 3 || (a.length === 2 && Number(a) > 31)) && c.length <= 2) {
      return dateOnly(Number(a) + ROC_OFFSET, Number(b), Number(c), rest)
    }
    if (!roc && a.length <= 2 && c.length === 4) return dayMonth(Number(a), Number(b), Number(c), rest, order, raw)
    return unrecognized(raw)
  }
  m = /^(\d{4})(\d{2})(\d{2})(?!\d)(.*)$/.exec(text)
  if (m) return dateOnly(Number(m[1]), Number(m[2]), Number(m[3]), m[4])
  m = /^(\d{1,2})[\s\-/]([a-z]{3,9})\.?[\s\-/,]+(\d{4})(.*)$/i.exec(text)
  if (m && monthOf(m[2])) return dateOnly(Number(m[3]), monthOf(m[2]), Number(m[1]), m[4])
  m = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(.*)$/i.exec(text)
  if (m && monthOf(m[1])) return dateOnly(Number(m[3]), monthOf(m[1]), Number(m[2]), m[4])
  return unrecognized(raw)
}

function dayMonth(
  a: number,
  b: number,
  y: number,
  rest: string,
  order: DateOrder | undefined,
  raw: string
): Step<DateOnly> {
  let effective = order === 'dmy' || order === 'mdy' ? order : undefined
  if (!effective) {
    if (a > 12 && b <= 12) effective = 'dmy'
    else if (b > 12 && a <= 12) effective = 'mdy'
    else if (a === b) effective = 'dmy'
    else if (a <= 12 && b <= 12) {
      return stepFail(
        'date_ambiguous',
        `「${shown(raw)}」可能是 ${a} 月 ${b} 日，也可能是 ${b} 月 ${a} 日。請為整欄選擇日期順序（日/月/年 或 月/日/年）。`,
        `"${shown(raw)}" could be month ${a} day ${b} or month ${b} day ${a}. Choose the day/month order for the whole column.`
      )
    }
  }
  return effective === 'dmy' ? dateOnly(y, b, a, rest) : dateOnly(y, a, b, rest)
}

function dateOnly(y: number, mo: number, d: number, rest: string): Step<DateOnly> {
  return { ok: true, value: { y, mo, d, rest: rest.replace(/^\s*(?:,|T|at\s)?\s*/i, '') } }
}

function monthOf(name: string): number {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase())
  const full = [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december'
  ]
  const lower = name.toLowerCase()
  return i >= 0 && (lower.length === 3 || lower === 'sept' || full[i] === lower) ? i + 1 : 0
}

const OFFSET = /\s*(?:(Z|UTC|GMT)|(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?)$/i
const AM = /^(?:上午|早上|凌晨|a\.?m\.?)$/i
const PM = /^(?:下午|晚上|p\.?m\.?)$/i
const MERIDIEM = '上午|早上|凌晨|下午|晚上|中午|[ap]\\.?m\\.?'
const MERIDIEM_BEFORE = new RegExp(`^(${MERIDIEM})\\s*`, 'i')
const MERIDIEM_AFTER = new RegExp(`\\s*(${MERIDIEM})$`, 'i')
const CLOCK =
  /^(\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:[.,](\d{1,9}))?)?|\s*[時时点點]\s*(?:(半)|(\d{1,2})\s*分\s*(?:(\d{1,2})\s*秒)?)?)?$/

function parseTimePart(rest: string, raw: string): Step<Omit<Parts, 'y' | 'mo' | 'd'>> {
  let text = rest.trim()
  if (text === '') return { ok: true, value: { h: 0, mi: 0, s: 0, ms: 0, offset: null } }
  let offset: number | null = null
  const off = OFFSET.exec(text)
  if (off && off.index + off[0].length === text.length && (off[1] || /\d/.test(text.slice(0, off.index)))) {
    const hours = Number(off[3] ?? 0)
    const minutes = Number(off[4] ?? 0)
    if (hours > 14 || minutes > 59) return unrecognized(raw)
    offset = off[1] ? 0 : (off[2] === '-' ? -1 : 1) * (hours * 60 + minutes)
    text = text.slice(0, off.index).trim()
  }
  let meridiem = ''
  const before = MERIDIEM_BEFORE.exec(text)
  const after = MERIDIEM_AFTER.exec(text)
  if (before) {
    meridiem = before[1]
    text = text.slice(before[0].length)
  } else if (after) {
    meridiem = after[1]
    text = text.slice(0, after.index)
  }
  const c = CLOCK.exec(text.trim())
  if (!c || (c[2] === undefined && c[5] === undefined && c[6] === undefined && !meridiem && !/[時时点點]/.test(text)))
    return unrecognized(raw)
  let h = Number(c[1])
  const mi = c[5] ? 30 : Number(c[2] ?? c[6] ?? 0)
  const s = Number(c[3] ?? c[7] ?? 0)
  const ms = c[4] ? Math.round(Number(`0.${c[4]}`) * 1000) : 0
  if (AM.test(meridiem)) {
    if (h > 12) return invalidDate(raw)
    if (h === 12) h = 0
  } else if (PM.test(meridiem) || (meridiem === '中午' && h < 12 && h <= 5)) {
    if (h < 12) h += 12
  }
  if (h > 23 || mi > 59 || s > 59 || ms > 999) return invalidDate(raw)
  return { ok: true, value: { h, mi, s, ms, offset } }
}

function toUtc(p: Parts, zone: string, raw: unknown): Normalized<string> {
  if (p.y < MIN_YEAR || p.y > MAX_YEAR) {
    return fail(
      'date_invalid',
      `「${shown(raw)}」的年份 ${p.y} 不合理（需在 ${MIN_YEAR}–${MAX_YEAR} 之間）。`,
      `"${shown(raw)}" has the year ${p.y}, outside ${MIN_YEAR}–${MAX_YEAR}.`
    )
  }
  const wall = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s, p.ms)
  const back = new Date(wall)
  if (back.getUTCMonth() !== p.mo - 1 || back.getUTCDate() !== p.d || p.h > 23 || p.mi > 59 || p.s > 59)
    return invalidDate(raw).message
  const utc = p.offset !== null ? wall - p.offset * 60_000 : wallToUtc(wall, zoneNamed(zone) as IANAZone)
  return ok(new Date(utc).toISOString().replace('.000Z', 'Z'))
}

const zones = new Map<string, IANAZone | null>()
/** zone → UTC day → its offset (null: it changes that day). */
const dayOffsets = new TwoKeyCache<IANAZone, number, number | null>(50_000)

/** The zone, or null if the name is unknown; cached because checking a name costs an Intl formatter. */
function zoneNamed(name: string): IANAZone | null {
  let zone = zones.get(name)
  if (zone === undefined) {
    zone = IANAZone.isValidZone(name) ? IANAZone.create(name) : null
    zones.set(name, zone)
  }
  return zone
}

/** Offset in minutes at a UTC instant. Cached per UTC day when the offset is the same all day (most days): luxon's lookup costs ~80 µs. */
function offsetAt(zone: IANAZone, ts: number): number {
  const day = Math.floor(ts / 86_400_000)
  let offset = dayOffsets.get(zone, day)
  if (offset === undefined) {
    const start = zone.offset(day * 86_400_000)
    offset = start === zone.offset((day + 1) * 86_400_000 - 1) ? start : null
    dayOffsets.set(zone, day, offset)
  }
  return offset ?? zone.offset(ts)
}

/** Wall-clock ms (as if UTC) → real UTC ms in zone. Same steps as luxon: a time in a DST gap moves forward by the gap. */
function wallToUtc(wall: number, zone: IANAZone): number {
  const o1 = offsetAt(zone, wall)
  let guess = wall - o1 * 60_000
  const o2 = offsetAt(zone, guess)
  if (o1 === o2) return guess
  guess -= (o2 - o1) * 60_000
  const o3 = offsetAt(zone, guess)
  if (o2 === o3) return guess
  return wall - Math.min(o2, o3) * 60_000
}

function stepFail(code: string, zh: string, en: string): StepFail {
  return { ok: false, code, message: fail(code, zh, en) }
}

function invalidDate(raw: unknown): StepFail {
  return stepFail(
    'date_invalid',
    `「${shown(raw)}」不是存在的日期或時間（例如沒有 13 月或 2 月 30 日）。請改成正確日期。`,
    `"${shown(raw)}" is not a real date or time (e.g. there is no month 13 or February 30). Correct the date.`
  )
}

function unrecognized(raw: unknown): StepFail {
  return stepFail(
    'date_unrecognized',
    `看不懂日期「${shown(raw)}」。請用像 2026/1/9 08:00、2026-01-09 或 民國115年1月9日 的格式。`,
    `Cannot read the date "${shown(raw)}". Use a form such as 2026-01-09 08:00, 2026/1/9 or 2026-01-09T08:00:00+08:00.`
  )
}
