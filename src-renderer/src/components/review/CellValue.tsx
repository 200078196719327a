// A grid cell's text: what will be sent (normalized in main), the sheet's original a hover away, or the original
// itself when "show original" is on. Enum codes read as their label first, the code small and grey.
import { useTranslation } from 'react-i18next'
import type { PrepareRow } from '../../../../src-main/ipc/contract'

export function CellValue({
  original,
  shown,
  showOriginal
}: {
  original: string
  shown: NonNullable<PrepareRow['display']>[string] | undefined
  showOriginal: boolean
}) {
  const { t, i18n } = useTranslation('review')
  if (showOriginal || !shown) return <>{original}</>
  const label = shown.enum && i18n.exists(`enum.${shown.text}`, { ns: 'review' }) ? t(`enum.${shown.text}`) : null
  const same = !label && shown.text === original
  return (
    <span
      className="cell-value"
      data-testid="cell-normalized"
      title={same ? undefined : t('values.original', { value: original })}
    >
      {label ?? shown.text}
      {label ? <small className="enum-code">{shown.text}</small> : null}
    </span>
  )
}

export function OriginalToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const { t } = useTranslation('review')
  return (
    <label className="original-toggle">
      <input type="checkbox" data-testid="show-original" checked={on} onChange={(e) => onChange(e.target.checked)} />
      {t('values.showOriginal')}
    </label>
  )
}
