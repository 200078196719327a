// Errors as calm, readable messages: what happened (translated from the error code), the file, and the detail.
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../src-main/ipc/contract'
import { useAppStore } from '../store'

export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() || file
}

export function ErrorNotice({ error, onDismiss: dismiss }: { error: ApiError | null; onDismiss: () => void }) {
  const { t, i18n } = useTranslation()
  if (!error) return null
  const title = error.file ? t('errors.title', { file: baseName(error.file) }) : t('errors.titleGeneric')
  // the service's own message in the UI language names the file, the limit, the sheets…; otherwise explain the code
  const localized = error.messages?.[i18n.language === 'en' ? 'en' : 'zh-TW']
  const explanation = localized ?? t(`errors.codes.${error.code}`, { defaultValue: t('errors.codes.internal') })
  const detail = localized ? null : error.message
  return (
    <div className="notice notice-error" role="alert" data-testid="error" data-code={error.code}>
      <div className="notice-body">
        <strong className="notice-title">{title}</strong>
        <p data-testid="error-text">{explanation}</p>
        {detail && detail !== explanation ? (
          <p className="notice-detail" data-testid="error-detail">
            {detail}
          </p>
        ) : null}
      </div>
      <button type="button" className="button button-quiet" onClick={dismiss}>
        {t('errors.dismiss')}
      </button>
    </div>
  )
}

export function InfoNotice() {
  const { t, i18n } = useTranslation()
  const notice = useAppStore((s) => s.notice)
  const dismiss = useAppStore((s) => s.dismissNotice)
  if (!notice) return null
  return (
    <div className="notice notice-info" role="status">
      <p className="notice-body">{i18n.language === 'en' ? notice.en : notice['zh-TW']}</p>
      <button type="button" className="button button-quiet" onClick={dismiss}>
        {t('notice.dismiss')}
      </button>
    </div>
  )
}

/** Autosave is failing: stays until a save works again (the edits are kept in memory and saved then). */
export function SaveProblemBanner() {
  const { i18n } = useTranslation()
  const problem = useAppStore((s) => s.saveProblem)
  if (!problem) return null
  return (
    <div className="notice notice-error" role="alert" data-testid="save-problem">
      <p className="notice-body">{i18n.language === 'en' ? problem.en : problem['zh-TW']}</p>
    </div>
  )
}
