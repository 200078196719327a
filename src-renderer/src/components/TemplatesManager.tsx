// Saved mapping templates: applied automatically when the same header layout comes back; rename or delete them here.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TemplateView } from '../../../src-main/ipc/contract'
import { asApiError, call } from '../api'
import { usePrepareStore } from '../prepare-store'

function TemplateRow({ template, onChanged }: { template: TemplateView; onChanged: () => void }) {
  const { t } = useTranslation()
  const [name, setName] = useState(template.name)
  const fail = (error: unknown) => usePrepareStore.setState({ error: asApiError(error) })
  return (
    <li className="template-row" data-testid="template-row">
      <input
        value={name}
        maxLength={100}
        aria-label={t('prepare.templates.name')}
        onChange={(e) => setName(e.target.value)}
      />
      <span className="muted small">{t('prepare.templates.columns', { count: template.headers.length })}</span>
      <button
        type="button"
        className="button"
        disabled={!name.trim() || name.trim() === template.name}
        onClick={() => void call('templates.rename', { id: template.id, name: name.trim() }).then(onChanged, fail)}
      >
        {t('prepare.templates.rename')}
      </button>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => void call('templates.remove', { id: template.id }).then(onChanged, fail)}
      >
        {t('prepare.templates.remove')}
      </button>
    </li>
  )
}

export function TemplatesManager() {
  const { t } = useTranslation()
  const [templates, setTemplates] = useState<TemplateView[] | null>(null)
  const load = () =>
    void call('templates.list', {}).then(setTemplates, (error) =>
      usePrepareStore.setState({ error: asApiError(error) })
    )
  return (
    <details className="templates" onToggle={(e) => (e.currentTarget.open ? load() : undefined)}>
      <summary>{t('prepare.templates.title')}</summary>
      {templates === null ? null : templates.length === 0 ? (
        <p className="muted small">{t('prepare.templates.none')}</p>
      ) : (
        <ul>
          {templates.map((template) => (
            <TemplateRow key={`${template.id}:${template.name}`} template={template} onChanged={load} />
          ))}
        </ul>
      )}
    </details>
  )
}
