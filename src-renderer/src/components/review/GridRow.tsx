// One row of the rows grid, memoized: an edit, a selection or a fresh page re-renders only the rows whose data changed
// (a cell edit redraws one row, not the ~40 on screen). Handlers come through a stable object (GridRowActions).
import { memo } from 'react'
import type { TFunction } from 'i18next'
import type { Issue, PrepareRow } from '../../../../src-main/ipc/contract'
import { CellValue } from './CellValue'

export interface Editing {
  rowNumber: number
  index: number
  column: string
  value: string
}

export interface GridRowActions {
  select(index: number, rowNumber: number, mods: { shift: boolean; toggle: boolean }): void
  exclude(rowNumber: number, excluded: boolean): void
  startEdit(editing: Editing): void
  change(value: string): void
  commit(): void
  cancel(): void
}

export function worst(issues: Issue[]): 'error' | 'warning' | null {
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

export const GridRow = memo(function GridRow({
  row,
  index,
  selected,
  editing,
  headers,
  columns,
  showOriginal,
  actions,
  t,
  en
}: {
  row: PrepareRow
  index: number
  selected: boolean
  /** The cell being edited, when it is in this row. */
  editing: Editing | null
  headers: string[]
  columns: string
  showOriginal: boolean
  actions: GridRowActions
  /** The grid's translator (a new one when the language changes, which re-renders the rows). */
  t: TFunction
  en: boolean
}) {
  const message = (issue: Issue) => (en ? issue.message : issue.messageZh)
  const level = row.excluded ? null : worst(row.issues)
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
          onClick={(e) => actions.select(index, row.rowNumber, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey })}
        >
          {row.rowNumber}
        </button>
        {row.group ? <GroupMark group={row.group} rowNumber={row.rowNumber} en={en} /> : null}
      </div>
      <div className="grid-cell">
        <button type="button" className="link-button" onClick={() => actions.exclude(row.rowNumber, !row.excluded)}>
          {row.excluded ? t('prepare.rows.include') : t('prepare.rows.exclude')}
        </button>
      </div>
      {headers.map((header, c) => {
        const cellIssues = row.issues.filter((issue) => issue.column === header)
        const cellLevel = row.excluded ? null : worst(cellIssues)
        const isEditing = editing?.column === header
        const start = () =>
          actions.startEdit({ rowNumber: row.rowNumber, index, column: header, value: row.cells[c]?.w ?? '' })
        return (
          <div
            key={header}
            className={`grid-cell${cellLevel ? ` cell-${cellLevel}` : ''}${row.edited.includes(header) ? ' cell-edited' : ''}`}
            title={cellIssues.map(message).join('\n') || undefined}
            data-column={header}
            tabIndex={isEditing ? -1 : 0}
            onDoubleClick={start}
            onKeyDown={(e) => {
              // keyboard users edit with Enter or F2, like a spreadsheet
              if (!isEditing && (e.key === 'Enter' || e.key === 'F2')) {
                e.preventDefault()
                start()
              }
            }}
          >
            {isEditing && editing ? (
              <input
                className="cell-input"
                autoFocus
                aria-label={`${header} ${row.rowNumber}`}
                value={editing.value}
                onChange={(e) => actions.change(e.target.value)}
                onKeyDown={(e) => {
                  e.stopPropagation()
                  if (e.key === 'Enter') actions.commit()
                  if (e.key === 'Escape') actions.cancel()
                }}
                onBlur={() => actions.commit()}
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
})

/** The row as it will look once main confirms an edit: the typed text shown at once (main's answer replaces it). */
export function optimisticRow(row: PrepareRow, headers: string[], column: string, value: string): PrepareRow {
  const c = headers.indexOf(column)
  const cells = row.cells.slice()
  while (cells.length <= c) cells.push({ t: 'z', v: null, w: '' })
  cells[c] = value === '' ? { t: 'z', v: null, w: '' } : { t: 's', v: value, w: value }
  const display = row.display ? { ...row.display } : undefined
  if (display) delete display[column]
  return {
    ...row,
    cells,
    edited: row.edited.includes(column) ? row.edited : [...row.edited, column],
    ...(display ? { display } : {})
  }
}
