// One Intl.NumberFormat per language for i18next's `{{n, number}}`. i18next's built-in formatter caches by language
// plus the JSON of ALL t() options, so each distinct count built a new Intl.NumberFormat (and kept it forever): that
// was 173 ms of a 363 ms renderer task while a 50,000-row file opened (npm run bench app).
import type { i18n as I18n } from 'i18next'

const byLanguage = new Map<string, Intl.NumberFormat>()

export function formatNumber(value: unknown, lng: string | undefined): string {
  const language = (lng ?? 'zh-TW').replace('_', '-')
  let format = byLanguage.get(language)
  if (!format) {
    format = new Intl.NumberFormat(language)
    byLanguage.set(language, format)
  }
  return format.format(value as number)
}

/** Replaces the built-in `number` format of an initialised i18next instance. */
export function installNumberFormat(i18n: I18n): void {
  i18n.services.formatter?.add('number', formatNumber)
}

/** The first formatter of a language loads its locale data (~50 ms): the app asks for it at start in a task of its own,
 * so it is not part of the page-load task (issue 14); the first render runs in slices beside it. */
export function warmNumberFormat(language: string): void {
  setTimeout(() => formatNumber(0, language), 0)
}
