// Display helpers for decimal strings from main: thousands separators without ever turning money into a float.
import { formatNumber } from '../../i18n/number-format'

/** "1234567.50" → "1,234,567.50" (the digits stay as main computed them). */
export function groupDecimal(text: string): string {
  const negative = text.startsWith('-')
  const [whole, fraction] = (negative ? text.slice(1) : text).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${negative ? '-' : ''}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`
}

/** Whole numbers with the UI language's separators. */
export function groupCount(value: number, language: string): string {
  return formatNumber(value, language === 'en' ? 'en-US' : 'zh-TW')
}
