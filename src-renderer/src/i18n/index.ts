// i18next with zh-TW first and English second; the choice is remembered and shared with the main process (menu labels).
import i18next, { type i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { installNumberFormat } from './number-format'
import en from './en.json'
import zhTW from './zh-TW.json'
// profiles
import profilesEn from './profiles.en.json'
import profilesZhTW from './profiles.zh-TW.json'
// push
import pushEn from './push.en.json'
import pushZhTW from './push.zh-TW.json'
// review (issue 11)
import reviewEn from './review.en.json'
import reviewZhTW from './review.zh-TW.json'
// lookups (issue 10)
import lookupEn from './lookup.en.json'
import lookupZhTW from './lookup.zh-TW.json'
// push flow: summary, rehearsal end, quit confirm, accessibility (issue 11 C/D)
import flowEn from './flow.en.json'
import flowZhTW from './flow.zh-TW.json'
// multi-file import (issue 15 item 5)
import flowImportEn from './flow-import.en.json'
import flowImportZhTW from './flow-import.zh-TW.json'

export type UiLanguage = 'zh-TW' | 'en'
const STORAGE_KEY = 'orderdock.language'

export function savedLanguage(): UiLanguage {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-TW'
  } catch {
    return 'zh-TW'
  }
}

export function rememberLanguage(language: UiLanguage): void {
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // storage unavailable: the choice lasts for this run only
  }
  document.documentElement.lang = language
}

export const i18n: I18n = i18next.createInstance()

export function initI18n(): Promise<unknown> {
  const language = savedLanguage()
  document.documentElement.lang = language
  return i18n
    .use(initReactI18next)
    .init({
      resources: {
        'zh-TW': {
          translation: zhTW,
          profiles: profilesZhTW,
          push: pushZhTW,
          review: reviewZhTW,
          lookup: lookupZhTW,
          flow: flowZhTW,
          flowImport: flowImportZhTW
        },
        en: {
          translation: en,
          profiles: profilesEn,
          push: pushEn,
          review: reviewEn,
          lookup: lookupEn,
          flow: flowEn,
          flowImport: flowImportEn
        }
      },
      lng: language,
      fallbackLng: 'zh-TW',
      interpolation: { escapeValue: false },
      returnNull: false
    })
    .then((ready) => {
      installNumberFormat(i18n)
      return ready
    })
}
