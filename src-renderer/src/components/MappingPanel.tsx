// Destination fields on the left, the sheet column (or a fixed value) each one takes, with auto-mapping confidence.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FieldView, MappingEntry, PrepareView } from '../../../src-main/ipc/contract'
import { usePrepareStore } from '../prepare-store'
import { ConstantFill } from './review/ConstantFill'

const CONSTANT = '\u0000constant'
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
          <input type="checkbox" disabled={busy} checked={view.metadataColumns.includes(column)} onChange={(e) => toggle(column, e.target.checked)} />
          <span>{column}</span>
        </label>
      ))}
    </fieldset>
  )
}

export function MappingPanel({ view, fields, supportsMetadata }: { view: PrepareView; fields: FieldView[]; supportsMetadata: boolean }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'zh-TW'
  const setField = usePrepareStore((s) => s.setField)
  const busy = usePrepareStore((s) => s.busy)
  const problems = view.problems
  // the field whose constant is being chosen: nothing is applied before its row count is on screen
  const [filling, setFilling] = useState<string | null>(null)

  const onSelect = (field: FieldView, choice: string) => {
    if (choice === CONSTANT) return setFilling(field.key)
    setFilling(null)
    const entry: MappingEntry | null = choice !== NONE ? { column: choice } : null
    void setField(field.key, entry)
  }

  return (
    <section className="panel mapping-panel" aria-labelledby="mapping-title">
      <h2 id="mapping-title">{t('prepare.mapping.title')}</h2>
      <p className="muted small">{t('prepare.mapping.lead')}</p>
      <table className="mapping-table">
        <tbody>
          {fields.map((field) => {
            const entry = view.mapping[field.key]
            const column = entry && 'column' in entry ? entry.column : null
            const constant = entry && 'constant' in entry ? String(entry.constant) : null
            const confidence = view.confidence[field.key]
            const fieldProblems = problems.filter((p) => p.field === field.key)
            return (
              <tr key={field.key} data-field={field.key} className={fieldProblems.some((p) => p.severity === 'error') ? 'has-error' : undefined}>
                <th scope="row" title={field.help[lang]}>
                  <span className="field-label">{field.label[lang]}</span>
                  <code className="field-key">{field.key}</code>
                  {field.required ? <span className="badge badge-required">{t('prepare.mapping.required')}</span> : null}
                </th>
                <td>
                  <select
                    data-testid={`map-${field.key}`}
                    value={constant !== null && column === null ? CONSTANT : filling === field.key && column === null ? CONSTANT : (column ?? NONE)}
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
                  </select>
                  {filling === field.key ? (
                    <ConstantFill key={`${field.key}:${constant}`} prepId={view.prepId} field={field} column={column} current={constant} onClose={() => setFilling(null)} />
                  ) : constant !== null || (column !== null && !field.required) ? (
                    <button type="button" className="link-button small constant-summary" data-testid={`fill-${field.key}`} disabled={busy} onClick={() => setFilling(field.key)}>
                      {constant !== null ? t(column ? 'constant.fillsEmpty' : 'constant.fillsAll', { ns: 'review', value: constant }) : t('constant.addFill', { ns: 'review' })}
                    </button>
                  ) : null}
                  {fieldProblems.map((p, i) => (
                    <p key={i} className={`field-problem ${p.severity}`}>
                      {lang === 'en' ? p.message : p.messageZh}
                    </p>
                  ))}
                </td>
                <td className="confidence-cell">
                  {confidence ? (
                    <span className={`badge ${confidence.confidence >= 0.9 ? 'badge-good' : 'badge-fair'}`} title={confidence.reason}>
                      {t('prepare.mapping.auto', { percent: String(Math.round(confidence.confidence * 100)) })}
                    </span>
                  ) : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {problems.filter((p) => p.field === null).map((p, i) => (
        <p key={i} className={`field-problem ${p.severity}`}>
          {lang === 'en' ? p.message : p.messageZh}
        </p>
      ))}
      {view.unmappedColumns.length ? <p className="muted small">{t('prepare.mapping.unmappedColumns', { columns: view.unmappedColumns.join(lang === 'en' ? ', ' : '、') })}</p> : null}
      {supportsMetadata && view.unmappedColumns.length ? <MetadataColumns view={view} /> : null}
    </section>
  )
}
