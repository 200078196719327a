// The rows as a fast virtual grid: issue highlights per cell, a filter, exclusion and inline edit (double-click).
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Issue, PrepareRow, PrepareView, RowFilter } from '../../../src-main/ipc/contract'
import { usePrepareStore } from '../prepare-store'
import { useRowPages } from '../queries/row-pages'
import { useVirtualPages } from './useVirtualPages'
import './derived.css'
import { FilterCount } from './review/FilterCount'
import { SelectionBar } from './review/SelectionBar'
import { useSelection } from './review/useSelection'
import { FindReplace } from './review/FindReplace'
import { IssuesPanel } from './review/IssuesPanel'
import { useGridKeys } from './review/useGridKeys'
import { CellValue, OriginalToggle } from './review/CellValue'

const FILTERS: RowFilter[] = ['all', 'errors', 'warnings', 'excluded']
const ROW_HEIGHT = 36

interface Editing {
  rowNumber: number
  column: string
  value: string
}

function worst(issues: Issue[]): 'error' | 'warning' | null {
  if (issues.some((i) => i.severity === 'error')) return 'error'
  return issues.length ? 'warning' : null
}

/** Rows sharing an order number are one order: 「訂單 Z-1 · 2/3」 under the row number, all its rows in the tooltip. */
function GroupMark({
  group,
  rowNumber,
  en
}: {
  group: { orderNo: string; rows: number[] }
  rowNumber: number
  en: boolean
}) {
  const position = `${group.rows.indexOf(rowNumber) + 1}/${group.rows.length}`
  const title = en
    ? `Order ${group.orderNo} is rows ${group.rows.join(', ')}`
    : `訂單 ${group.orderNo} 由第 ${group.rows.join('、')} 列組成`
  return (
    <span className="group-mark" data-testid="group-mark" title={title}>
      {group.orderNo} · {position}
    </span>
  )
}

export function RowsGrid({ view }: { view: PrepareView }) {
  const { t, i18n } = useTranslation()
  const en = i18n.language === 'en'
  const editCell = usePrepareStore((s) => s.editCell)
  const exclude = usePrepareStore((s) => s.exclude)
  const [filter, setFilter] = useState<RowFilter>('all')
  const [editing, setEditing] = useState<Editing | null>(null)
  // the edit being closed (saved or cancelled): a blur fired while the input unmounts must not save it again
  const closing = useRef<Editing | null>(null)
  // review: the issues panel's group shown in the grid (null: the filter tab's rows)
  const [issue, setIssue] = useState<string | null>(null)
  const [showOriginal, setShowOriginal] = useState(false)
  const pages = useRowPages(view.prepId, filter, issue)
  const selection = useSelection(view.prepId, filter)
  const { scroller, virtual, items } = useVirtualPages(pages, ROW_HEIGHT)
  const keys = useGridKeys({
    scroller,
    virtual,
    total: pages.total,
    headers: view.headers,
    rowAt: pages.rowAt,
    ensure: pages.ensure
  })

  // fixed widths: the sticky header and the absolutely placed rows must size their columns identically
  const columns = `88px 84px repeat(${view.headers.length}, 160px) 360px`
  const message = (issue: Issue) => (en ? issue.message : issue.messageZh)

  const commit = async () => {
    if (!editing || closing.current === editing) return
    const done = editing
    closing.current = done
    setEditing(null)
    // the store puts the re-validated row into the cached pages and refreshes the rest
    await editCell(done.rowNumber, done.column, done.value)
  }

  const renderRow = (row: PrepareRow | undefined, index: number) => {
    if (!row) return <div className="grid-row is-loading" style={{ gridTemplateColumns: columns }} />
    const level = row.excluded ? null : worst(row.issues)
    const selected = selection.rows.has(row.rowNumber)
    return (
      <div
        className={`grid-row${row.excluded ? ' is-excluded' : ''}${level ? ` has-${level}` : ''}${row.group ? ' in-group' : ''}${selected ? ' is-selected' : ''}`}
        style={{ gridTemplateColumns: columns }}
        data-row={row.rowNumber}
        data-index={index}
        data-selected={selected || undefined}
      >
        <div className="grid-cell rownum">
          <button
            type="button"
            className="rownum-button"
            data-testid="row-select"
            aria-pressed={selected}
            aria-label={t('selection.select', { ns: 'review', row: row.rowNumber })}
            onClick={(e) =>
              void selection.click(index, row.rowNumber, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey })
            }
          >
            {row.rowNumber}
          </button>
          {row.group ? <GroupMark group={row.group} rowNumber={row.rowNumber} en={en} /> : null}
        </div>
        <div className="grid-cell">
          <button type="button" className="link-button" onClick={() => void exclude([row.rowNumber], !row.excluded)}>
            {row.excluded ? t('prepare.rows.include') : t('prepare.rows.exclude')}
          </button>
        </div>
        {view.headers.map((header, c) => {
          const cellIssues = row.issues.filter((issue) => issue.column === header)
          const cellLevel = row.excluded ? null : worst(cellIssues)
          const isEditing = editing?.rowNumber === row.rowNumber && editing.column === header
          return (
            <div
              key={header}
              className={`grid-cell${cellLevel ? ` cell-${cellLevel}` : ''}${row.edited.includes(header) ? ' cell-edited' : ''}`}
              title={cellIssues.map(message).join('\n') || undefined}
              data-column={header}
              tabIndex={isEditing ? -1 : 0}
              onDoubleClick={() =>
                setEditing({ rowNumber: row.rowNumber, column: header, value: row.cells[c]?.w ?? '' })
              }
              onKeyDown={(e) => {
                // keyboard users edit with Enter or F2, like a spreadsheet
                if (!isEditing && (e.key === 'Enter' || e.key === 'F2')) {
                  e.preventDefault()
                  setEditing({ rowNumber: row.rowNumber, column: header, value: row.cells[c]?.w ?? '' })
                }
              }}
            >
              {isEditing ? (
                <input
                  className="cell-input"
                  autoFocus
                  aria-label={`${header} ${row.rowNumber}`}
                  value={editing.value}
                  onChange={(e) => setEditing({ ...editing, value: e.target.value })}
                  onKeyDown={(e) => {
                    e.stopPropagation()
                    if (e.key === 'Enter') void commit()
                    if (e.key === 'Escape') {
                      closing.current = editing
                      setEditing(null)
                    }
                  }}
                  onBlur={() => void commit()}
                />
              ) : (
                <CellValue original={row.cells[c]?.w ?? ''} shown={row.display?.[header]} showOriginal={showOriginal} />
              )}
            </div>
          )
        })}
        <div className="grid-cell issues-cell" title={row.issues.map(message).join('\n') || undefined}>
          {row.excluded
            ? ''
            : row.issues.length
              ? `${message(row.issues[0])}${row.issues.length > 1 ? ` (+${row.issues.length - 1})` : ''}`
              : ''}
        </div>
      </div>
    )
  }

  return (
    <section className="rows-panel" aria-labelledby="rows-title">
      <div className="rows-head">
        <h2 id="rows-title">{t('prepare.rows.title')}</h2>
        <div className="filter-tabs" role="tablist">
          {FILTERS.map((f) => (
            <button
              key={f}
              type="button"
              role="tab"
              aria-selected={filter === f && !issue}
              className={filter === f && !issue ? 'is-active' : undefined}
              data-testid={`filter-${f}`}
              onClick={() => {
                setFilter(f)
                setIssue(null)
              }}
            >
              {t(`prepare.rows.filters.${f}`)}
              <FilterCount view={view} filter={f} />
            </button>
          ))}
        </div>
        <span className="muted small">{t('prepare.rows.editHint')}</span>
        <OriginalToggle on={showOriginal} onChange={setShowOriginal} />
        <span className="muted small" data-testid="keys-hint">
          {t('keys.hint', { ns: 'review' })}
        </span>
      </div>
      <IssuesPanel view={view} active={issue} onFilter={setIssue} />
      <FindReplace view={view} />
      <SelectionBar view={view} selection={selection} />
      <div className="grid" ref={scroller} data-testid="rows-grid" onKeyDown={keys.onKeyDown}>
        <div className="grid-header grid-row" style={{ gridTemplateColumns: columns }}>
          <div className="grid-cell rownum">{t('preview.rowNumber')}</div>
          <div className="grid-cell" />
          {view.headers.map((header) => (
            <div key={header} className="grid-cell">
              {header}
            </div>
          ))}
          <div className="grid-cell">{t('prepare.rows.issues')}</div>
        </div>
        {pages.total === 0 ? (
          <p className="muted grid-empty">{t('prepare.rows.empty')}</p>
        ) : (
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {items.map((item) => (
              <div
                key={item.key}
                className="grid-slot"
                style={{ transform: `translateY(${item.start}px)`, height: item.size }}
              >
                {renderRow(pages.rowAt(item.index), item.index)}
              </div>
            ))}
          </div>
        )}
      </div>
    </section>
  )
}
