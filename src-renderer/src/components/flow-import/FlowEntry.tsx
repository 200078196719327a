// The open screen's way into the multi-file import.
import { useTranslation } from 'react-i18next'
import { useFlowImportStore } from '../../flow-import-store'
import './flow-import.css'

export function FlowEntry() {
  const { t } = useTranslation('flowImport')
  const show = useFlowImportStore((s) => s.show)
  return (
    <p className="flow-entry">
      <button type="button" className="button" data-testid="flow-entry" onClick={show}>
        {t('entry')}
      </button>{' '}
      <span className="muted small">{t('entryHint')}</span>
    </p>
  )
}
