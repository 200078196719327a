// A grid cell's text: what will be sent (normalized in main), the sheet's original a hover away, or the original
// itself when "show original" is on. Enum codes read as their label first, the code small and grey.
import { i18n as i18next } from '../../i18n'
import { useTranslation } from 'react-i18next'
import type { PrepareRow } from '../../../../src-main/ipc/contract'

/** 「原始值：{{value}}」 translated once per language, filled per cell (translating per cell cost ~0.1 ms each). */
const originalTitle = { lang: '', before: '', after: '' }
function titleFor(original: string): string {
  if (originalTitle.lang !== i18next.language) {
    const [before, after = ''] = i18next.t('values.original', { ns: 'review', value: '\u0000' }).split('\u0000')
    Object.assign(originalTitle, { lang: i18next.language, before, after })
  }
  return originalTitle.before + original + originalTitle.after
}

export function CellValue({
  original,
  shown,
  showOriginal
}: {
  original: string
  shown: NonNullable<PrepareRow['display']>[string] | undefined
  showOriginal: boolean
}) {
  // no hook here: hundreds of cells are on screen, and their row re-renders when the language changes (issue 14)
  if (showOriginal || !shown) return <>{original}</>
  const label =
    shown.enum && i18next.exists(`enum.${shown.text}`, { ns: 'review' })
      ? i18next.t(`enum.${shown.text}`, { ns: 'review' })
      : null
  const same = !label && shown.text === original
  return (
    <span className="cell-value" data-testid="cell-normalized" title={same ? undefined : titleFor(original)}>
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
