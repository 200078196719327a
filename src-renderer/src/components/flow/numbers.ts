// Display helpers for decimal strings from main: thousands separators without ever turning money into a float.
import { formatNumber } from '../../i18n/number-format'

export { groupDecimal } from '../../i18n/number-format'

/** Whole numbers with the UI language's separators. */
export function groupCount(value: number, language: string): string {
  return formatNumber(value, language === 'en' ? 'en-US' : 'zh-TW')
}
