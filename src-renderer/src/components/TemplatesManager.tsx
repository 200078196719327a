// Saved mapping templates: applied automatically when the same header layout comes back; rename or delete them here.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TemplateView } from '../../../src-main/ipc/contract'
import { asApiError } from '../api'
import { usePrepareStore } from '../prepare-store'
import { queryClient } from '../queries/client'
import { keys } from '../queries/keys'
import { removeTemplate, renameTemplate, useTemplates } from '../queries/templates'

function TemplateRow({ template }: { template: TemplateView }) {
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
        onClick={() => void renameTemplate(template.id, name.trim()).catch(fail)}
      >
        {t('prepare.templates.rename')}
      </button>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => void removeTemplate(template.id).catch(fail)}
      >
        {t('prepare.templates.remove')}
      </button>
    </li>
  )
}

export function TemplatesManager() {
  const { t } = useTranslation()
  // listed once the section is opened, read again then (another screen may have saved one)
  const [open, setOpen] = useState(false)
  const templates = useTemplates(open)
  return (
    <details
      className="templates"
      onToggle={(e) => {
        const isOpen = e.currentTarget.open
        setOpen(isOpen)
        if (isOpen) void queryClient.invalidateQueries({ queryKey: keys.templates })
      }}
    >
      <summary>{t('prepare.templates.title')}</summary>
      {templates === null ? null : templates.length === 0 ? (
        <p className="muted small">{t('prepare.templates.none')}</p>
      ) : (
        <ul>
          {templates.map((template) => (
            <TemplateRow key={`${template.id}:${template.name}`} template={template} />
          ))}
        </ul>
      )}
    </details>
  )
}
