// Small display helpers for the push screen: the UI language's text, durations, rates.
import { useTranslation } from 'react-i18next'

export interface Text {
  'zh-TW': string
  en: string
}

export function usePick(): (message: Text) => string {
  const { i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'zh-TW'
  return (message) => message[language]
}

/** 1 h 02 min / 3 min 05 s / 12 s (zh-TW: 1 小時 2 分 / 3 分 5 秒 / 12 秒). */
export function formatDuration(ms: number, language: string): string {
  const total = Math.max(0, Math.round(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  if (language === 'en')
    return h ? `${h} h ${String(m).padStart(2, '0')} min` : m ? `${m} min ${String(s).padStart(2, '0')} s` : `${s} s`
  return h ? `${h} 小時 ${m} 分` : m ? `${m} 分 ${s} 秒` : `${s} 秒`
}

export function formatRate(rate: number): string {
  return rate >= 10 ? rate.toFixed(0) : rate.toFixed(1)
}
