// Find & replace within one column (substring or whole cell): main counts the cells first, then applies them as edits.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrepareView } from '../../../../src-main/ipc/contract'
import { call } from '../../api'
import { applyChange } from './review-actions'
import { formatNumber } from '../../i18n/number-format'

export function FindReplace({ view }: { view: PrepareView }) {
  const { t } = useTranslation('review')
  const [column, setColumn] = useState(view.headers[0] ?? '')
  const [find, setFind] = useState('')
  const [replace, setReplace] = useState('')
  const [mode, setMode] = useState<'substring' | 'whole'>('substring')
  // the count is shown only for the very find / replace it was made for
  const [counted, setCounted] = useState<{ key: string; cells: number } | null>(null)
  const [done, setDone] = useState<number | null>(null)
  const args = { prepId: view.prepId, column, find, replace, mode }
  const key = JSON.stringify([column, find, replace, mode])
  const count = counted?.key === key ? counted.cells : null
  const formatted = (n: number) => formatNumber(n)
  return (
    <form
      className="find-replace"
      data-testid="find-replace"
      onSubmit={(e) => {
        e.preventDefault()
        setDone(null)
        void call('review.findReplace', { ...args, apply: false }).then((r) => setCounted({ key, cells: r.cells }))
      }}
    >
      <label className="picker">
        <span>{t('replace.column')}</span>
        <select data-testid="replace-column" value={column} onChange={(e) => setColumn(e.target.value)}>
          {view.headers.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
      </label>
      <label className="picker">
        <span>{t('replace.find')}</span>
        <input data-testid="replace-find" value={find} onChange={(e) => setFind(e.target.value)} />
      </label>
      <label className="picker">
        <span>{t('replace.with')}</span>
        <input data-testid="replace-with" value={replace} onChange={(e) => setReplace(e.target.value)} />
      </label>
      <label className="picker">
        <span>{t('replace.mode')}</span>
        <select
          data-testid="replace-mode"
          value={mode}
          onChange={(e) => setMode(e.target.value as 'substring' | 'whole')}
        >
          <option value="substring">{t('replace.substring')}</option>
          <option value="whole">{t('replace.whole')}</option>
        </select>
      </label>
      <button type="submit" className="button button-quiet" data-testid="replace-count">
        {t('replace.count')}
      </button>
      {count !== null ? (
        <>
          <span role="status" data-testid="replace-preview">
            {t('replace.willChange', { count, formatted: formatted(count) })}
          </span>
          <button
            type="button"
            className="button"
            data-testid="replace-apply"
            disabled={count === 0}
            onClick={() =>
              void applyChange(() => call('review.findReplace', { ...args, apply: true })).then((r) => {
                if (r) {
                  setDone(r.cells)
                  setCounted(null)
                }
              })
            }
          >
            {t('replace.apply', { count })}
          </button>
        </>
      ) : null}
      {done !== null ? (
        <span role="status" data-testid="replace-done">
          {t('replace.done', { count: done, formatted: formatted(done) })}
        </span>
      ) : null}
    </form>
  )
}
