// What can be done to the selected rows: set a value in one column, exclude them, include them again.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrepareView } from '../../../../src-main/ipc/contract'
import { usePrepareStore } from '../../prepare-store'
import type { Selection } from './useSelection'
import { formatNumber } from '../../i18n/number-format'

export function SelectionBar({ view, selection }: { view: PrepareView; selection: Selection }) {
  const { t } = useTranslation('review')
  const setCells = usePrepareStore((s) => s.setCells)
  const exclude = usePrepareStore((s) => s.exclude)
  const busy = usePrepareStore((s) => s.busy)
  const [column, setColumn] = useState(view.headers[0] ?? '')
  const [value, setValue] = useState('')
  const count = selection.rows.size
  const rows = () => [...selection.rows]

  return (
    <div className="selection-bar" data-testid="selection-bar">
      <button
        type="button"
        className="button button-quiet"
        data-testid="select-all"
        onClick={() => void selection.selectAll()}
      >
        {t('selection.all')}
      </button>
      {count > 0 ? (
        <>
          <span className="selection-count" data-testid="selection-count" role="status">
            {t('selection.count', { count, formatted: formatNumber(count) })}
          </span>
          <form
            className="selection-set"
            onSubmit={(e) => {
              e.preventDefault()
              void setCells(rows(), column, value)
            }}
          >
            <label className="picker">
              <span>{t('selection.column')}</span>
              <select data-testid="selection-column" value={column} onChange={(e) => setColumn(e.target.value)}>
                {view.headers.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
            </label>
            <label className="picker">
              <span>{t('selection.value')}</span>
              <input data-testid="selection-value" value={value} onChange={(e) => setValue(e.target.value)} />
            </label>
            <button type="submit" className="button" data-testid="selection-set" disabled={busy}>
              {t('selection.set', { count })}
            </button>
          </form>
          <button
            type="button"
            className="button"
            data-testid="selection-exclude"
            disabled={busy}
            onClick={() => void exclude(rows(), true)}
          >
            {t('selection.exclude')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="selection-include"
            disabled={busy}
            onClick={() => void exclude(rows(), false)}
          >
            {t('selection.include')}
          </button>
          <button type="button" className="button button-quiet" data-testid="selection-clear" onClick={selection.clear}>
            {t('selection.clear')}
          </button>
        </>
      ) : (
        <span className="muted small">{t('selection.hint')}</span>
      )}
    </div>
  )
}
