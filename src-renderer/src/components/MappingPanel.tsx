// Destination fields on the left, the sheet column (or a fixed value) each one takes, with auto-mapping confidence.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FieldView, MappingEntry, PrepareView, TargetView } from '../../../src-main/ipc/contract'
import { usePrepareStore } from '../prepare-store'
import { DerivedField, derivableKinds } from './DerivedField'
import { ConstantFill } from './review/ConstantFill'

const CONSTANT = '\u0000constant'
const DERIVE = '\u0000derive'
const NONE = ''

function MetadataColumns({ view }: { view: PrepareView }) {
  const { t } = useTranslation()
  const setOptions = usePrepareStore((s) => s.setOptions)
  const busy = usePrepareStore((s) => s.busy)
  const toggle = (column: string, on: boolean) => {
    const next = on ? [...view.metadataColumns, column] : view.metadataColumns.filter((c) => c !== column)
    void setOptions({ metadataColumns: next })
  }
  return (
    <fieldset className="metadata-columns">
      <legend className="small">{t('prepare.mapping.metadata')}</legend>
      {view.unmappedColumns.map((column) => (
        <label key={column} className="choice small">
          <input
            type="checkbox"
            disabled={busy}
            checked={view.metadataColumns.includes(column)}
            onChange={(e) => toggle(column, e.target.checked)}
          />
          <span>{column}</span>
        </label>
      ))}
    </fieldset>
  )
}

/** 「已辨識：蝦皮 訂單匯出」 with a button to turn recognition off (and back on): the mapping starts over. */
function SourceBanner({ view }: { view: PrepareView }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'zh-TW'
  const setOptions = usePrepareStore((s) => s.setOptions)
  const busy = usePrepareStore((s) => s.busy)
  if (view.source) {
    return (
      <p className="source-banner small" data-testid="source-banner">
        <span className="badge badge-good">{t('prepare.mapping.recognized', { name: view.source.label[lang] })}</span>{' '}
        <button
          type="button"
          className="link-button"
          disabled={busy}
          data-testid="source-off"
          onClick={() => void setOptions({ useSourceLayout: false })}
        >
          {t('prepare.mapping.recognitionOff')}
        </button>
        {view.source.lacks.map((l) => (
          <span key={l.field} className="muted source-lacks">
            <br />
            {l.why[lang]}
          </span>
        ))}
      </p>
    )
  }
  if (!view.useSourceLayout) {
    return (
      <p className="source-banner small muted" data-testid="source-banner">
        {t('prepare.mapping.recognitionIsOff')}{' '}
        <button
          type="button"
          className="link-button"
          disabled={busy}
          data-testid="source-on"
          onClick={() => void setOptions({ useSourceLayout: true })}
        >
          {t('prepare.mapping.recognitionOn')}
        </button>
      </p>
    )
  }
  return null
}

export function MappingPanel({
  view,
  fields,
  supportsMetadata,
  notice
}: {
  view: PrepareView
  fields: FieldView[]
  supportsMetadata: boolean
  notice?: TargetView['notice']
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'zh-TW'
  const setField = usePrepareStore((s) => s.setField)
  const busy = usePrepareStore((s) => s.busy)
  const problems = view.problems
  // a field switched to "computed" shows its editor before there is a derivation to save
  const [deriving, setDeriving] = useState<string | null>(null)
  // the field whose constant is being chosen: nothing is applied before its row count is on screen
  const [filling, setFilling] = useState<string | null>(null)

  const onSelect = (field: FieldView, choice: string) => {
    setDeriving(choice === DERIVE ? field.key : null)
    if (choice === DERIVE) return
    if (choice === CONSTANT) return setFilling(field.key)
    setFilling(null)
    const entry: MappingEntry | null = choice !== NONE ? { column: choice } : null
    void setField(field.key, entry)
  }

  return (
    <section className="panel mapping-panel" aria-labelledby="mapping-title">
      <h2 id="mapping-title">{t('prepare.mapping.title')}</h2>
      <p className="muted small">{t('prepare.mapping.lead')}</p>
      <SourceBanner view={view} />
      {notice && (
        <p className="notice notice-info small" role="note" data-testid="target-notice">
          {notice[lang]}
        </p>
      )}
      <table className="mapping-table">
        <tbody>
          {fields.map((field) => {
            const entry = view.mapping[field.key]
            const column = entry && 'column' in entry ? entry.column : null
            const constant = entry && 'constant' in entry ? String(entry.constant) : null
            const derived = (entry && 'derive' in entry) || deriving === field.key
            const confidence = view.confidence[field.key]
            const fieldProblems = problems.filter((p) => p.field === field.key)
            return (
              <tr
                key={field.key}
                data-field={field.key}
                className={fieldProblems.some((p) => p.severity === 'error') ? 'has-error' : undefined}
              >
                <th scope="row" title={field.help[lang]}>
                  <span className="field-label">{field.label[lang]}</span>
                  <code className="field-key">{field.key}</code>
                  {field.required ? (
                    <span className="badge badge-required">{t('prepare.mapping.required')}</span>
                  ) : null}
                </th>
                <td>
                  <select
                    data-testid={`map-${field.key}`}
                    aria-label={field.label[lang]}
                    value={
                      derived
                        ? DERIVE
                        : constant !== null && column === null
                          ? CONSTANT
                          : filling === field.key && column === null
                            ? CONSTANT
                            : (column ?? NONE)
                    }
                    disabled={busy}
                    onChange={(e) => onSelect(field, e.target.value)}
                  >
                    <option value={NONE}>{t('prepare.mapping.none')}</option>
                    {view.headers.map((header) => (
                      <option key={header} value={header}>
                        {header}
                      </option>
                    ))}
                    <option value={CONSTANT}>{t('prepare.mapping.constant')}</option>
                    {derivableKinds(field).length || (entry && 'derive' in entry) ? (
                      <option value={DERIVE}>{lang === 'en' ? 'Computed from columns…' : '由多欄計算…'}</option>
                    ) : null}
                  </select>
                  {derived ? (
                    <DerivedField field={field} view={view} preview={view.derived.find((d) => d.field === field.key)} />
                  ) : null}
                  {filling === field.key ? (
                    <ConstantFill
                      key={`${field.key}:${constant}`}
                      prepId={view.prepId}
                      field={field}
                      column={column}
                      current={constant}
                      onClose={() => setFilling(null)}
                    />
                  ) : constant !== null || (column !== null && !field.required) ? (
                    <button
                      type="button"
                      className="link-button small constant-summary"
                      data-testid={`fill-${field.key}`}
                      disabled={busy}
                      onClick={() => setFilling(field.key)}
                    >
                      {constant !== null
                        ? t(column ? 'constant.fillsEmpty' : 'constant.fillsAll', { ns: 'review', value: constant })
                        : t('constant.addFill', { ns: 'review' })}
                    </button>
                  ) : null}
                  {confidence?.note ? <p className="muted small match-note">{confidence.note[lang]}</p> : null}
                  {fieldProblems.map((p, i) => (
                    <p key={i} className={`field-problem ${p.severity}`}>
                      {lang === 'en' ? p.message : p.messageZh}
                    </p>
                  ))}
                </td>
                <td className="confidence-cell">
                  {confidence ? (
                    <span
                      className={`badge ${confidence.confidence >= 0.9 ? 'badge-good' : 'badge-fair'}`}
                      title={
                        confidence.reason === 'source' && view.source
                          ? t('prepare.mapping.fromSource', { name: view.source.label[lang] })
                          : (confidence.note?.[lang] ?? confidence.reason)
                      }
                    >
                      {t('prepare.mapping.auto', { percent: String(Math.round(confidence.confidence * 100)) })}
                    </span>
                  ) : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {problems
        .filter((p) => p.field === null)
        .map((p, i) => (
          <p key={i} className={`field-problem ${p.severity}`}>
            {lang === 'en' ? p.message : p.messageZh}
          </p>
        ))}
      {view.unmappedColumns.length ? (
        <p className="muted small">
          {t('prepare.mapping.unmappedColumns', { columns: view.unmappedColumns.join(lang === 'en' ? ', ' : '、') })}
        </p>
      ) : null}
      {supportsMetadata && view.unmappedColumns.length ? <MetadataColumns view={view} /> : null}
    </section>
  )
}
