// Counts and times as the UI shows them, without Intl where it can be helped: the first Intl.NumberFormat or
// DateTimeFormat of a page costs 20-70 ms (ICU's number and date data), a long task wherever it lands (issue 14).
// Both UI languages group digits the same way (zh-TW and en: 1,234,567), so whole numbers are grouped by hand; any
// other number goes to one Intl.NumberFormat per language. i18next's built-in formatter cached by language plus the
// JSON of ALL t() options, so each distinct count had built a new Intl.NumberFormat (173 ms of a 363 ms task).
import type { i18n as I18n } from 'i18next'

const byLanguage = new Map<string, Intl.NumberFormat>()

/** "1234567.50" → "1,234,567.50" (the digits stay as given: money from main never becomes a float). */
export function groupDecimal(text: string): string {
  const negative = text.startsWith('-')
  const [whole, fraction] = (negative ? text.slice(1) : text).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${negative ? '-' : ''}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`
}

/** 1234567 → "1,234,567", in either UI language. */
export function formatNumber(value: unknown, lng?: string): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return groupDecimal(String(value))
  const language = (lng ?? 'zh-TW').replace('_', '-')
  let format = byLanguage.get(language)
  if (!format) {
    format = new Intl.NumberFormat(language)
    byLanguage.set(language, format)
  }
  return format.format(value as number)
}

/** An ISO time as local "2026/11/30 15:20" (clear in both languages; no Intl). */
export function formatDateTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const two = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}/${two(d.getMonth() + 1)}/${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`
}

/** Replaces the built-in `number` format of an initialised i18next instance. */
export function installNumberFormat(i18n: I18n): void {
  i18n.services.formatter?.add('number', formatNumber)
}
