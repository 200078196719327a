// Step 2: choose the destination, check the mapping and value matches, then fix rows in the grid.
import { useTranslation } from 'react-i18next'
import type { PrepareView, TargetId } from '../../../src-main/ipc/contract'
import { usePrepareStore } from '../prepare-store'
import { MappingPanel } from './MappingPanel'
import { PrepareOptions } from './PrepareOptions'
import { RowsGrid } from './RowsGrid'
import { ValuesPanel } from './ValuesPanel'
import { LookupPanel } from './LookupPanel'
// push
import { ShoplineProfilePicker } from './review/ShoplineProfilePicker'
import { MappingSection } from './review/MappingSection'
import { ReviewBar } from './review/ReviewBar'
import { ShoplineShippingChoice } from './review/ShoplineShippingChoice'
import { Deferred } from './review/Deferred'

export function PrepareScreen({
  view,
  file,
  onBack,
  backLabel
}: {
  view: PrepareView
  file: string
  onBack: () => void
  /** The multi-file import's review goes back to its steps, not to the preview. */
  backLabel?: string
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'zh-TW'
  const targets = usePrepareStore((s) => s.targets)
  const setTarget = usePrepareStore((s) => s.setTarget)
  const busy = usePrepareStore((s) => s.busy)
  const target = targets.find((x) => x.id === view.target)
  const fields = target?.fields ?? []

  return (
    <section className="prepare-screen" aria-busy={busy}>
      <header className="preview-head panel">
        <div>
          <h1 className="file-name">{file}</h1>
          {view.ambiguousDateColumns.length ? (
            <p className="field-problem warning">
              {t('prepare.ambiguous', { columns: view.ambiguousDateColumns.join('、') })}
            </p>
          ) : null}
        </div>
        <div className="preview-actions">
          <label className="picker">
            <span>{t('prepare.target')}</span>
            <select
              data-testid="target-picker"
              value={view.target}
              disabled={busy}
              onChange={(e) => void setTarget(e.target.value as TargetId)}
            >
              {targets.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.label[lang]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button button-quiet" onClick={onBack}>
            {backLabel ?? t('prepare.back')}
          </button>
        </div>
      </header>
      {target?.needsProfileChoices ? <ShoplineProfilePicker view={view} /> : null}
      {fields.some((f) => f.key === 'shipping_fee') ? <ShoplineShippingChoice view={view} /> : null}
      <PrepareOptions view={view} />
      <LookupPanel view={view} fields={fields} />
      <MappingSection view={view}>
        {/* issue 14: the mapping and the grid each mount in a task of their own, after this screen's frame */}
        <Deferred>
          <div className="prepare-columns">
            <MappingPanel
              view={view}
              fields={fields}
              supportsMetadata={target?.supportsMetadata ?? false}
              notice={target?.notice}
            />
            <ValuesPanel view={view} fields={fields} />
          </div>
        </Deferred>
      </MappingSection>
      {/* push: counts and 匯入 stay in view while the page and the grid scroll */}
      <ReviewBar view={view} file={file} busy={busy} />
      <Deferred>
        <RowsGrid view={view} />
      </Deferred>
    </section>
  )
}
