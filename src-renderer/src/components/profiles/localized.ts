// Pick the UI language's text from a { 'zh-TW', en } message, and explain an error from the profiles services.
import { useTranslation } from 'react-i18next'
import type { ApiError, Localized } from '../../../../src-main/ipc/contract'

export function useLocalized(): (message: Localized) => string {
  const { i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'zh-TW'
  return (message) => message[language]
}

/** The field a profile rule names, from codes like "profile_invalid.baseUrl". */
export function invalidField(error: ApiError | null): string | null {
  return error?.code.startsWith('profile_invalid.') ? error.code.slice('profile_invalid.'.length) : null
}
