// A constant (固定值) is applied only after the screen says how many rows it will fill: empty cells only, and for a
// status date only the rows of that status. A mapped column can take one too, for its empty cells.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FieldView, MethodResults } from '../../../../src-main/ipc/contract'
import { call } from '../../api'
import { usePrepareStore } from '../../prepare-store'

type Reach = MethodResults['prepare.constantReach']

interface Props {
  prepId: string
  field: FieldView
  /** The mapped column whose empty cells the constant fills, or null for a field without a column. */
  column: string | null
  /** The constant applied now, if any. */
  current: string | null
  /** Shown in the field's language (enum values by their label when the target gives one). */
  onClose: () => void
}

export function ConstantFill({ prepId, field, column, current, onClose }: Props) {
  const { t } = useTranslation('review')
  const setField = usePrepareStore((s) => s.setField)
  const busy = usePrepareStore((s) => s.busy)
  const [text, setText] = useState(current ?? field.enumValues[0] ?? '')
  const [reach, setReach] = useState<Reach | null>(null)

  useEffect(() => {
    let live = true
    void call('prepare.constantReach', { prepId, field: field.key }).then(
      (r) => live && setReach(r),
      () => undefined
    )
    return () => {
      live = false
    }
  }, [prepId, field.key, current])

  const apply = () => {
    const value = text.trim()
    if (!value) return
    void setField(field.key, column ? { column, constant: value } : { constant: value }).then(onClose)
  }
  const remove = () => void setField(field.key, column ? { column } : null).then(onClose)

  return (
    <div className="constant-fill" data-testid={`constant-fill-${field.key}`}>
      {field.enumValues.length ? (
        <select
          value={text}
          data-testid={`constant-${field.key}`}
          aria-label={t('constant.value')}
          onChange={(e) => setText(e.target.value)}
        >
          {field.enumValues.map((v) => (
            <option key={v} value={v}>
              {t(`enum.${v}`, { defaultValue: v })}
            </option>
          ))}
        </select>
      ) : (
        <input
          className="constant-input"
          value={text}
          aria-label={t('constant.value')}
          placeholder={t('constant.placeholder')}
          data-testid={`constant-${field.key}`}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && apply()}
        />
      )}
      <p className="small constant-reach" data-testid={`constant-reach-${field.key}`} role="status">
        {reach === null
          ? t('constant.counting')
          : reach.status
            ? t('constant.reachStatus', {
                count: reach.rows,
                total: reach.total,
                status: t(`enum.${reach.status}`, { defaultValue: reach.status })
              })
            : t('constant.reach', { count: reach.rows, total: reach.total })}
      </p>
      <div className="constant-actions">
        <button
          type="button"
          className="button button-primary"
          data-testid={`constant-apply-${field.key}`}
          disabled={busy || !text.trim() || reach === null}
          onClick={apply}
        >
          {t('constant.apply', { count: reach?.rows ?? 0 })}
        </button>
        {current !== null ? (
          <button type="button" className="button" onClick={remove}>
            {t('constant.remove')}
          </button>
        ) : null}
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('constant.cancel')}
        </button>
      </div>
    </div>
  )
}
