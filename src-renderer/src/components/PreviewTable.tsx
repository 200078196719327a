// The first rows as a plain table: Excel's row numbers on the left, the header row's number above them.
import { useTranslation } from 'react-i18next'
import type { WorkbookView } from '../../../src-main/ipc/contract'

export function PreviewTable({ view }: { view: WorkbookView }) {
  const { t } = useTranslation()
  return (
    <div
      className="table-wrap"
      data-testid="preview-table"
      tabIndex={0}
      role="region"
      aria-label={t('flow:a11y.previewTable')}
    >
      <table className="preview-table">
        <thead>
          <tr>
            <th className="rownum" scope="col" title={t('preview.headerRow')}>
              {view.headerRow}
            </th>
            {view.headers.map((header, i) => (
              <th key={i} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.preview.map((row) => (
            <tr key={row.rowNumber}>
              <th className="rownum" scope="row" aria-label={`${t('preview.rowNumber')} ${row.rowNumber}`}>
                {row.rowNumber}
              </th>
              {view.headers.map((_, i) => {
                const cell = row.cells[i]
                return (
                  <td key={i} className={cell ? `cell-${cell.t}` : 'cell-z'}>
                    {cell?.w ?? ''}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
