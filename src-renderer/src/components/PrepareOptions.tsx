// Session settings: the time zone for times without an offset, the day/month order of ambiguous date columns, templates.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DateOrderChoice, PrepareView } from '../../../src-main/ipc/contract'
import { usePrepareStore } from '../prepare-store'
import { TemplatesManager } from './TemplatesManager'

const ZONES = [
  'Asia/Taipei',
  'Asia/Hong_Kong',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Asia/Singapore',
  'UTC',
  'Europe/London',
  'America/Los_Angeles',
  'America/New_York'
]
const ORDERS: DateOrderChoice[] = ['ymd', 'dmy', 'mdy']

export function PrepareOptions({ view }: { view: PrepareView }) {
  const { t } = useTranslation()
  const setOptions = usePrepareStore((s) => s.setOptions)
  const saveTemplate = usePrepareStore((s) => s.saveTemplate)
  const busy = usePrepareStore((s) => s.busy)
  const [name, setName] = useState('')
  const zones = ZONES.includes(view.timezone) ? ZONES : [view.timezone, ...ZONES]

  return (
    <section className="panel prepare-options" aria-label={t('prepare.options.title')}>
      <label className="picker">
        <span>{t('prepare.options.timezone')}</span>
        <select
          data-testid="timezone"
          value={view.timezone}
          disabled={busy}
          onChange={(e) => void setOptions({ timezone: e.target.value })}
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </label>
      {view.ambiguousDateColumns.map((column) => (
        <label key={column} className="picker picker-attention" data-testid={`date-order-${column}`}>
          <span>{t('prepare.options.dateOrder', { column })}</span>
          <select
            value={view.dateOrder[column] ?? ''}
            disabled={busy}
            onChange={(e) => void setOptions({ dateOrder: { [column]: e.target.value as DateOrderChoice } })}
          >
            <option value="" disabled>
              {t('prepare.options.choose')}
            </option>
            {ORDERS.map((order) => (
              <option key={order} value={order}>
                {t(`prepare.options.orders.${order}`)}
              </option>
            ))}
          </select>
        </label>
      ))}
      <form
        className="template-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (name.trim()) void saveTemplate(name.trim()).then((saved) => saved && setName(''))
        }}
      >
        <label className="picker">
          <span>
            {view.template
              ? t('prepare.options.templateApplied', { name: view.template.name })
              : t('prepare.options.templateName')}
          </span>
          <input
            value={name}
            maxLength={100}
            placeholder={t('prepare.options.templatePlaceholder')}
            data-testid="template-name"
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button type="submit" className="button" data-testid="template-save" disabled={busy || !name.trim()}>
          {t('prepare.options.saveTemplate')}
        </button>
      </form>
      <TemplatesManager />
    </section>
  )
}
