// One step of the multi-file import: its file (or workbook sheet), the rows that can be sent, review / replace / remove.
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { FlowKindName } from '../../../../src-main/ipc/contract'
import { useFlowImportStore } from '../../flow-import-store'

const ACCEPT = '.xlsx,.xlsm,.xls,.ods,.csv,.tsv'

export function FlowStepCard({ kind, n, locked }: { kind: FlowKindName; n: number; locked: boolean }) {
  const { t } = useTranslation('flowImport')
  const slot = useFlowImportStore((s) => s.slots[kind])
  const derived = useFlowImportStore(
    (s) => kind === 'customers' && !s.slots.customers && Object.keys(s.slots).length > 0
  )
  const busy = useFlowImportStore((s) => s.busy)
  const addFile = useFlowImportStore((s) => s.addFile)
  const review = useFlowImportStore((s) => s.review)
  const remove = useFlowImportStore((s) => s.remove)
  const input = useRef<HTMLInputElement>(null)
  const titleId = `flow-step-${kind}-title`
  const summary = slot?.prep.summary

  return (
    <li className="flow-step-card panel" data-testid={`flow-slot-${kind}`} aria-labelledby={titleId}>
      <div className="flow-step-head">
        <span className="flow-step-number">{t('step', { n })}</span>
        <h3 id={titleId}>{t(`kinds.${kind}`)}</h3>
      </div>
      {slot ? (
        <p className="flow-step-file" data-testid={`flow-slot-${kind}-file`}>
          <strong>{slot.file}</strong>
          {slot.sheet ? <span className="muted"> / {slot.sheet}</span> : null}
        </p>
      ) : (
        <p className="muted">{derived ? t('derivedCustomers') : t('noFile')}</p>
      )}
      {summary ? (
        <p
          className={summary.invalid ? 'field-problem warning small' : 'muted small'}
          data-testid={`flow-slot-${kind}-rows`}
        >
          {t('rowsSummary', { valid: summary.valid, invalid: summary.invalid })}
        </p>
      ) : null}
      <div className="flow-step-actions">
        <button
          type="button"
          className="button"
          data-testid={`flow-choose-${kind}`}
          disabled={locked || busy !== null}
          onClick={() => input.current?.click()}
        >
          {slot ? t('replaceFile') : t('chooseFile')}
        </button>
        {slot ? (
          <>
            <button
              type="button"
              className="button"
              data-testid={`flow-review-${kind}`}
              disabled={locked || busy !== null}
              onClick={() => review(kind)}
            >
              {t('review')}
            </button>
            <button
              type="button"
              className="button button-quiet"
              disabled={locked || busy !== null}
              onClick={() => remove(kind)}
            >
              {t('remove')}
            </button>
          </>
        ) : null}
      </div>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        data-testid={`flow-file-${kind}`}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0]
          event.currentTarget.value = ''
          if (file) void addFile(kind, file)
        }}
      />
    </li>
  )
}
