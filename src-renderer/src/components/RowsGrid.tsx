// The rows as a fast virtual grid: issue highlights per cell, a filter, exclusion and inline edit (double-click).
import { useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrepareRow, PrepareView, RowFilter } from '../../../src-main/ipc/contract'
import { usePrepareStore } from '../prepare-store'
import { putRow } from '../queries/row-cache'
import { useRowPages } from '../queries/row-pages'
import { useVirtualPages } from './useVirtualPages'
import './derived.css'
import { FilterCount } from './review/FilterCount'
import { SelectionBar } from './review/SelectionBar'
import { useSelection } from './review/useSelection'
import { FindReplace } from './review/FindReplace'
import { IssuesPanel } from './review/IssuesPanel'
import { useGridKeys } from './review/useGridKeys'
import { OriginalToggle } from './review/CellValue'
import { GridRow, optimisticRow, type Editing, type GridRowActions } from './review/GridRow'

const FILTERS: RowFilter[] = ['all', 'errors', 'warnings', 'excluded']
const ROW_HEIGHT = 36

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

  const commit = async () => {
    if (!editing || closing.current === editing) return
    const done = editing
    closing.current = done
    // issue 14: the typed text shows at once (one row redrawn); main's validated row replaces it when it answers
    const before = pages.rowAt(done.index)
    if (before?.rowNumber === done.rowNumber)
      putRow(view.prepId, optimisticRow(before, view.headers, done.column, done.value))
    setEditing(null)
    // the store puts the re-validated row into the cached pages and refreshes the rest; a refused edit shows the old row
    const row = await editCell(done.rowNumber, done.column, done.value)
    if (!row && before?.rowNumber === done.rowNumber) putRow(view.prepId, before)
  }

  // the rows get one stable object whose methods call the latest handlers, so memoized rows are not re-rendered for them
  const latest = useRef<GridRowActions | null>(null)
  // after every render on purpose (no dependency list): the rows call the latest handlers
  // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  useLayoutEffect(() => {
    latest.current = {
      select: (index, rowNumber, mods) => void selection.click(index, rowNumber, mods),
      exclude: (rowNumber, excluded) => void exclude([rowNumber], excluded),
      startEdit: setEditing,
      change: (value) => setEditing((e) => (e ? { ...e, value } : e)),
      commit: () => void commit(),
      cancel: () => {
        closing.current = editing
        setEditing(null)
      }
    }
  })
  const actions = useMemo<GridRowActions>(
    () => ({
      select: (...a) => latest.current!.select(...a),
      exclude: (...a) => latest.current!.exclude(...a),
      startEdit: (...a) => latest.current!.startEdit(...a),
      change: (...a) => latest.current!.change(...a),
      commit: () => latest.current!.commit(),
      cancel: () => latest.current!.cancel()
    }),
    []
  )

  const renderRow = (row: PrepareRow | undefined, index: number) => {
    if (!row) return <div className="grid-row is-loading" style={{ gridTemplateColumns: columns }} />
    return (
      <GridRow
        row={row}
        index={index}
        selected={selection.rows.has(row.rowNumber)}
        editing={editing?.rowNumber === row.rowNumber ? editing : null}
        headers={view.headers}
        columns={columns}
        showOriginal={showOriginal}
        actions={actions}
        t={t}
        en={en}
      />
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
