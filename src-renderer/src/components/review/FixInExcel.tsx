// "Fix in Excel and bring it back": export the rows with errors, then re-open the fixed copy into this same preparation.
// The fixed file is matched first and its summary shown ("12 列將更新、2 列找不到對應"); nothing changes until 套用修正.
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MergeBackView, PrepareView } from '../../../../src-main/ipc/contract'
import { asApiError, call } from '../../api'
import { usePrepareStore } from '../../prepare-store'
import './roundtrip.css'

const LISTED = 8

interface Pending {
  name: string
  bytes: Uint8Array<ArrayBuffer>
  plan: MergeBackView
}

function MergeSummary({
  pending,
  busy,
  onApply,
  onCancel
}: {
  pending: Pending
  busy: boolean
  onApply: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation('review')
  const { plan } = pending
  return (
    <div
      className="merge-summary"
      role="dialog"
      aria-modal="false"
      aria-labelledby="merge-summary-title"
      data-testid="merge-summary"
    >
      <h3 id="merge-summary-title">{t('fixInExcel.title', { file: pending.name })}</h3>
      <p className="merge-headline" data-testid="merge-headline">
        {/* "、0 列找不到對應" is noise: every row matched reads as the update alone */}
        {t('fixInExcel.willUpdate', {
          rows: plan.rows,
          count: plan.cells,
          unmatched: plan.unmatchedCount,
          context: plan.unmatchedCount ? undefined : 'allMatched'
        })}
      </p>
      <p className="small muted">
        {t('fixInExcel.matchedBy', { byRow: plan.matchedByRow, byKey: plan.matchedByKey, unchanged: plan.unchanged })}
      </p>
      {plan.sample.length ? (
        <ul className="merge-changes small">
          {plan.sample.slice(0, LISTED).map((c) => (
            <li key={`${c.row}-${c.column}`}>
              {t('fixInExcel.change', { row: c.row, column: c.column, from: c.from, to: c.to })}
            </li>
          ))}
        </ul>
      ) : null}
      {plan.ignoredColumns.length ? (
        <p className="small muted">{t('fixInExcel.ignored', { columns: plan.ignoredColumns.join('、') })}</p>
      ) : null}
      {plan.unmatchedCount ? (
        <div className="merge-unmatched" data-testid="merge-unmatched">
          <h4>{t('fixInExcel.unmatchedTitle')}</h4>
          <ul className="small">
            {plan.unmatched.slice(0, LISTED).map((u) => (
              <li key={`${u.fileRow}-${u.reason}`}>
                {t(`fixInExcel.reason.${u.reason}`, { fileRow: u.fileRow, row: u.row, key: u.key })}
              </li>
            ))}
          </ul>
          {plan.unmatchedCount > LISTED ? (
            <p className="small muted">{t('fixInExcel.unmatchedMore', { count: plan.unmatchedCount - LISTED })}</p>
          ) : null}
        </div>
      ) : null}
      <div className="merge-actions">
        <button
          type="button"
          className="button button-primary"
          data-testid="merge-apply"
          disabled={busy || plan.rows === 0}
          onClick={onApply}
        >
          {t('fixInExcel.apply')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('fixInExcel.cancel')}
        </button>
      </div>
    </div>
  )
}

export function FixInExcel({ view }: { view: PrepareView }) {
  const { t, i18n } = useTranslation('review')
  const touch = usePrepareStore((s) => s.touch)
  const input = useRef<HTMLInputElement>(null)
  const [working, setWorking] = useState(false)
  const [note, setNote] = useState<{ text: string; error?: boolean } | null>(null)
  const [pending, setPending] = useState<Pending | null>(null)
  const errorRows = view.summary.errorRows ?? view.summary.invalid

  const run = async (work: () => Promise<void>) => {
    setWorking(true)
    try {
      await work()
    } catch (error) {
      const failure = asApiError(error)
      setNote({ text: failure.messages?.[i18n.language === 'en' ? 'en' : 'zh-TW'] ?? failure.message, error: true })
    } finally {
      setWorking(false)
    }
  }

  const exportRows = () =>
    run(async () => {
      const { path, rows } = await call('prepare.exportErrors', { prepId: view.prepId })
      if (path) setNote({ text: t('fixInExcel.exported', { count: rows, path }) })
    })

  const choose = (file: File) =>
    run(async () => {
      setNote({ text: t('fixInExcel.checking') })
      const bytes = new Uint8Array(await file.arrayBuffer())
      const plan = await call('prepare.mergeBack', { prepId: view.prepId, name: file.name, bytes, apply: false })
      setNote(null)
      setPending({ name: file.name, bytes, plan })
    })

  const apply = (p: Pending) =>
    run(async () => {
      const result = await call('prepare.mergeBack', { prepId: view.prepId, name: p.name, bytes: p.bytes, apply: true })
      const current = usePrepareStore.getState().view
      if (current?.prepId === view.prepId) usePrepareStore.setState({ view: { ...current, summary: result.summary } })
      touch()
      setPending(null)
      setNote({ text: result.rows ? t('fixInExcel.applied', { count: result.rows }) : t('fixInExcel.nothing') })
    })

  return (
    <div className="fix-in-excel">
      <button
        type="button"
        className="button button-quiet"
        data-testid="export-errors"
        disabled={working || errorRows === 0}
        onClick={() => void exportRows()}
      >
        {t('fixInExcel.export')}
      </button>
      <button
        type="button"
        className="button button-quiet"
        data-testid="reopen-fixed"
        disabled={working}
        onClick={() => input.current?.click()}
      >
        {t('fixInExcel.reopen')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept=".xlsx,.xls,.xlsm,.ods,.csv"
        aria-label={t('fixInExcel.reopenLabel')}
        data-testid="reopen-fixed-input"
        onChange={(e) => {
          const file = e.target.files?.[0]
          e.target.value = ''
          if (file) void choose(file)
        }}
      />
      {note ? (
        <span className={`fix-note small${note.error ? ' is-error' : ''}`} role="status" data-testid="fix-note">
          {note.text}
        </span>
      ) : null}
      {pending ? (
        <MergeSummary
          pending={pending}
          busy={working}
          onApply={() => void apply(pending)}
          onCancel={() => setPending(null)}
        />
      ) : null}
    </div>
  )
}
