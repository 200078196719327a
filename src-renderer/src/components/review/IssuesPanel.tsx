// The issues panel: errors and warnings grouped by rule and column (computed in main), a click filters the grid to
// a group, and each group offers the fix that applies (set a value, match a value, keep the first duplicate, exclude).
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { IssueGroup, PrepareView } from '../../../../src-main/ipc/contract'
import { call } from '../../api'
import { usePrepareStore } from '../../prepare-store'
import { useIssueGroups } from '../../queries/issue-groups'
import { applyChange } from './review-actions'
import { issueWhere } from './issue-where'
import { formatNumber } from '../../i18n/number-format'

function GroupFix({ view, group }: { view: PrepareView; group: IssueGroup }) {
  const { t, i18n } = useTranslation('review')
  const targets = usePrepareStore((s) => s.targets)
  const setValueMatch = usePrepareStore((s) => s.setValueMatch)
  const [value, setValue] = useState('')
  const field = targets.find((x) => x.id === view.target)?.fields.find((f) => f.key === group.field)
  const fix = (fix: Parameters<typeof call<'review.fixGroup'>>[1]['fix']) =>
    applyChange(() => call('review.fixGroup', { prepId: view.prepId, key: group.key, fix }))
  const unmatched = group.code === 'value_unmatched' && field?.type === 'enum'
  return (
    <div className="group-fix" data-testid="group-fix">
      {unmatched ? (
        <label className="picker">
          <span>{t('issues.match')}</span>
          <select
            data-testid="group-match"
            value=""
            onChange={(e) => {
              const match = e.target.value
              if (match) void Promise.all(group.values.map((v) => setValueMatch(group.field, v, match)))
            }}
          >
            <option value="">—</option>
            {(field?.enumValues ?? []).map((code) => (
              <option key={code} value={code}>
                {i18n.exists(`enum.${code}`, { ns: 'review' }) ? `${t(`enum.${code}`)} (${code})` : code}
              </option>
            ))}
          </select>
        </label>
      ) : group.column && !group.code.startsWith('duplicate_') ? (
        <form
          className="group-set"
          onSubmit={(e) => {
            e.preventDefault()
            void fix({ kind: 'set', value })
          }}
        >
          <input
            data-testid="group-value"
            aria-label={t('issues.setLabel', { column: group.column })}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            placeholder={t('issues.setPlaceholder')}
          />
          <button type="submit" className="button" data-testid="group-set">
            {t('issues.set', { count: group.rows })}
          </button>
        </form>
      ) : null}
      {group.code.startsWith('duplicate_') ? (
        <button
          type="button"
          className="button"
          data-testid="group-keep-first"
          onClick={() => void fix({ kind: 'keepFirst' })}
        >
          {t('issues.keepFirst')}
        </button>
      ) : null}
      <button
        type="button"
        className="button button-quiet"
        data-testid="group-exclude"
        onClick={() => void fix({ kind: 'exclude' })}
      >
        {t('issues.exclude', { count: group.rows })}
      </button>
    </div>
  )
}

export function IssuesPanel({
  view,
  active,
  onFilter
}: {
  view: PrepareView
  active: string | null
  onFilter: (key: string | null) => void
}) {
  const { t, i18n } = useTranslation('review')
  const en = i18n.language === 'en'
  const targets = usePrepareStore((s) => s.targets)
  const fields = targets.find((x) => x.id === view.target)?.fields ?? []
  const groups = useIssueGroups(view.prepId)
  // the group shown in the grid was fixed away: show every row again
  useEffect(() => {
    if (active && !groups.some((g) => g.key === active)) onFilter(null)
  }, [groups, active, onFilter])
  if (groups.length === 0) return null
  return (
    <section className="issues-panel" aria-labelledby="issues-title" data-testid="issues-panel">
      <h3 id="issues-title">{t('issues.title')}</h3>
      <ul className="issue-groups">
        {groups.map((g) => (
          <li
            key={g.key}
            className={`issue-group is-${g.severity}${active === g.key ? ' is-active' : ''}`}
            data-testid="issue-group"
            data-code={g.code}
            data-column={g.column ?? ''}
          >
            <button
              type="button"
              className="issue-group-head"
              aria-pressed={active === g.key}
              onClick={() => onFilter(active === g.key ? null : g.key)}
              title={t('issues.filterHint')}
            >
              <span className="issue-count" data-testid="issue-count">
                {formatNumber(g.rows)}
              </span>
              <span className="issue-where">{issueWhere(g, fields, en, t('shopline.profile'))}</span>
              <span className="issue-text">{en ? g.message.en : g.message['zh-TW']}</span>
            </button>
            <GroupFix view={view} group={g} />
          </li>
        ))}
      </ul>
    </section>
  )
}
