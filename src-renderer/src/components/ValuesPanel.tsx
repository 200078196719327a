// Value matching for fields with fixed values: each distinct value in the sheet, how many rows hold it, and its match.
import { useTranslation } from 'react-i18next'
import type { FieldView, PrepareView } from '../../../src-main/ipc/contract'
import { usePrepareStore } from '../prepare-store'

export function ValuesPanel({ view, fields }: { view: PrepareView; fields: FieldView[] }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'zh-TW'
  const setValueMatch = usePrepareStore((s) => s.setValueMatch)
  const busy = usePrepareStore((s) => s.busy)

  return (
    <section className="panel values-panel" aria-labelledby="values-title">
      <h2 id="values-title">{t('prepare.values.title')}</h2>
      <p className="muted small">{t('prepare.values.lead')}</p>
      {view.valueLists.length === 0 ? <p className="muted">{t('prepare.values.none')}</p> : null}
      {view.valueLists.map((list) => {
        const field = fields.find((f) => f.key === list.field)
        return (
          <div key={list.field} className="value-list" data-testid={`values-${list.field}`}>
            <h3>
              {field?.label[lang] ?? list.field} <span className="muted small">← {list.column}</span>
            </h3>
            <ul>
              {list.values.map((v) => (
                <li key={v.value} className={v.match ? undefined : 'is-unmatched'}>
                  <span className="value-text">{v.value}</span>
                  <span className="muted small">{t('prepare.values.count', { count: v.count })}</span>
                  <select
                    value={v.match ?? ''}
                    disabled={busy}
                    aria-label={`${field?.label[lang] ?? list.field}: ${v.value}`}
                    onChange={(e) => void setValueMatch(list.field, v.value, e.target.value || null)}
                  >
                    {/* a value with a suggestion is always matched; without one it stays an error until chosen */}
                    {v.suggested ? null : <option value="">{t('prepare.values.unmatched')}</option>}
                    {(field?.enumValues ?? []).map((option) => (
                      <option key={option} value={option}>
                        {/* the label a user reads first, the code the destination stores after it */}
                        {i18n.exists(`enum.${option}`, { ns: 'review' })
                          ? `${t(`enum.${option}`, { ns: 'review' })} (${option})`
                          : option}
                      </option>
                    ))}
                  </select>
                </li>
              ))}
            </ul>
            {list.truncated ? <p className="muted small">{t('prepare.values.truncated')}</p> : null}
          </div>
        )
      })}
    </section>
  )
}
