// One workbook, one sheet per kind (as Matrixify does): each sheet's guessed kind, confirmable before anything is prepared.
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { FlowKindName } from '../../../../src-main/ipc/contract'
import { FLOW_KINDS, useFlowImportStore } from '../../flow-import-store'

export function SheetChooser({ locked }: { locked: boolean }) {
  const { t } = useTranslation('flowImport')
  const choice = useFlowImportStore((s) => s.sheetChoice)
  const busy = useFlowImportStore((s) => s.busy)
  const openWorkbook = useFlowImportStore((s) => s.openWorkbook)
  const setSheetKind = useFlowImportStore((s) => s.setSheetKind)
  const confirmSheets = useFlowImportStore((s) => s.confirmSheets)
  const input = useRef<HTMLInputElement>(null)

  return (
    <section className="flow-section panel" aria-labelledby="flow-workbook-title" data-testid="flow-workbook">
      <h2 id="flow-workbook-title">{t('workbook.title')}</h2>
      <p className="muted small">{t('workbook.hint')}</p>
      {choice ? (
        <>
          <table className="flow-sheets" data-testid="flow-sheets">
            <caption className="muted small">{choice.file}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workbook.sheet')}</th>
                <th scope="col">{t('workbook.rows')}</th>
                <th scope="col">{t('workbook.kind')}</th>
              </tr>
            </thead>
            <tbody>
              {choice.sheets.map((s) => (
                <tr key={s.sheet} data-sheet={s.sheet}>
                  <th scope="row">{s.sheet}</th>
                  <td>{s.rows}</td>
                  <td>
                    <select
                      aria-label={`${s.sheet}: ${t('workbook.kind')}`}
                      data-testid="flow-sheet-kind"
                      value={choice.kinds[s.sheet] ?? ''}
                      disabled={busy !== null}
                      onChange={(e) => setSheetKind(s.sheet, e.target.value as FlowKindName | '')}
                    >
                      <option value="">{t('workbook.leaveOut')}</option>
                      {FLOW_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {t(`kinds.${k}`)}
                        </option>
                      ))}
                    </select>{' '}
                    <span className="muted small">
                      {s.by === 'name'
                        ? t('workbook.byName')
                        : s.by === 'headers'
                          ? t('workbook.byHeaders')
                          : t('workbook.unknown')}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="flow-step-actions">
            <button
              type="button"
              className="button button-primary"
              data-testid="flow-sheets-confirm"
              disabled={busy !== null || !Object.values(choice.kinds).some(Boolean)}
              onClick={() => void confirmSheets()}
            >
              {t('workbook.confirm')}
            </button>
            <button
              type="button"
              className="button button-quiet"
              disabled={busy !== null}
              onClick={() => useFlowImportStore.setState({ sheetChoice: null })}
            >
              {t('workbook.cancel')}
            </button>
          </div>
        </>
      ) : (
        <button
          type="button"
          className="button"
          data-testid="flow-workbook-choose"
          disabled={locked || busy !== null}
          onClick={() => input.current?.click()}
        >
          {t('workbook.choose')}
        </button>
      )}
      <input
        ref={input}
        type="file"
        accept=".xlsx,.xlsm,.xls,.ods"
        hidden
        data-testid="flow-workbook-file"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0]
          event.currentTarget.value = ''
          if (file) void openWorkbook(file)
        }}
      />
    </section>
  )
}
