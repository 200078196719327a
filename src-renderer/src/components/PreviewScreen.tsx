// After opening: the file's summary, pickers for sheet / header row / encoding (live preview), and the first rows.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TargetId, WorkbookView } from '../../../src-main/ipc/contract'
import { usePrepareStore } from '../prepare-store'
import { useAppStore } from '../store'
import { baseName } from './Notices'
import { PreviewTable } from './PreviewTable'
import { preloadPrepare } from './lazy-screens'

interface Props {
  view: WorkbookView
  onChooseFile: () => void
}

/** Header-row choices: the first rows of the sheet (title rows sit near the top), always including the current one. */
function headerRowChoices(view: WorkbookView): number[] {
  const sheetRows = view.sheets.find((sheet) => sheet.name === view.sheet)?.rowCount ?? 0
  const count = Math.max(view.headerRow, Math.min(Math.max(sheetRows, 1), 30))
  return Array.from({ length: count }, (_, i) => i + 1)
}

function delimiterLabel(delimiter: string, t: (key: string, options?: Record<string, string>) => string): string {
  if (delimiter === ',') return t('preview.delimiters.comma')
  if (delimiter === ';') return t('preview.delimiters.semicolon')
  if (delimiter === '\t') return t('preview.delimiters.tab')
  return t('preview.delimiters.other', { char: delimiter })
}

export function PreviewScreen({ view, onChooseFile }: Props) {
  const { t, i18n } = useTranslation()
  const updating = useAppStore((s) => s.updating)
  const changePreview = useAppStore((s) => s.changePreview)
  const closeWorkbook = useAppStore((s) => s.closeWorkbook)
  const targets = usePrepareStore((s) => s.targets)
  const loadTargets = usePrepareStore((s) => s.loadTargets)
  const startPrepare = usePrepareStore((s) => s.start)
  const preparing = usePrepareStore((s) => s.busy)
  const [target, setTarget] = useState<TargetId>('zangsho.orders')
  // the review screen's code arrives while the user looks at the preview
  useEffect(preloadPrepare, [])
  useEffect(() => {
    void loadTargets()
  }, [loadTargets])
  const sheetRows = view.sheets.find((sheet) => sheet.name === view.sheet)?.rowCount ?? 0
  const language = i18n.language === 'en' ? 'en' : 'zh-TW'
  // a detected encoding outside the list still shows as the current choice
  const encodings =
    view.encoding && !view.encodings.some((choice) => choice.id === view.encoding)
      ? [{ id: view.encoding, label: { 'zh-TW': view.encoding, en: view.encoding } }, ...view.encodings]
      : view.encodings

  return (
    <section className="preview-screen" aria-busy={updating}>
      <header className="preview-head">
        <div>
          <h1 className="file-name" data-testid="file-name">
            {baseName(view.file)}
          </h1>
          <p className="muted">
            {view.format.toUpperCase()} · {t('preview.columns', { count: view.headers.length })}
            {view.delimiter ? ` · ${t('preview.delimiterValue', { value: delimiterLabel(view.delimiter, t) })}` : ''}
          </p>
        </div>
        <div className="preview-actions">
          <button type="button" className="button" onClick={onChooseFile}>
            {t('open.button')}
          </button>
          <button type="button" className="button button-quiet" data-testid="open-another" onClick={closeWorkbook}>
            {t('preview.openAnother')}
          </button>
        </div>
      </header>

      <div className="pickers">
        <label className="picker">
          <span>{t('preview.sheet')}</span>
          <select
            data-testid="sheet-picker"
            value={view.sheet}
            disabled={updating}
            onChange={(e) => void changePreview({ sheet: e.target.value })}
          >
            {view.sheets.map((sheet) => (
              <option key={sheet.name} value={sheet.name}>
                {t('preview.sheetOption', { name: sheet.name, count: sheet.rowCount })}
              </option>
            ))}
          </select>
        </label>
        <label className="picker">
          <span>{t('preview.headerRow')}</span>
          <select
            data-testid="header-row-picker"
            value={view.headerRow}
            disabled={updating}
            onChange={(e) => void changePreview({ headerRow: Number(e.target.value) })}
          >
            {headerRowChoices(view).map((n) => (
              <option key={n} value={n}>
                {t('preview.headerRowOption', { n: String(n) })}
              </option>
            ))}
          </select>
        </label>
        {encodings.length > 0 ? (
          <label className="picker">
            <span>{t('preview.encoding')}</span>
            <select
              data-testid="encoding-picker"
              value={view.encoding ?? ''}
              disabled={updating}
              onChange={(e) => void changePreview({ encoding: e.target.value })}
            >
              {encodings.map((encoding) => (
                <option key={encoding.id} value={encoding.id}>
                  {encoding.label[language]}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {updating ? (
          <span className="updating" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('preview.updating')}
          </span>
        ) : null}
      </div>
      <p className="hint">{encodings.length > 0 ? t('preview.hint') : t('preview.hintWorkbook')}</p>

      <PreviewTable view={view} />
      <p className="muted showing" data-testid="showing">
        {view.preview.length === 0
          ? t('preview.noRows')
          : view.totalRows !== null && view.preview.length >= view.totalRows
            ? t('preview.all', { shown: String(view.preview.length) })
            : t('preview.showing', { shown: String(view.preview.length), total: String(sheetRows) })}
      </p>
      <div className="next-step">
        {preparing ? (
          <span className="updating" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('prepare.preparing')}
          </span>
        ) : null}
        <label className="picker">
          <span>{t('prepare.target')}</span>
          <select data-testid="start-target" value={target} onChange={(e) => setTarget(e.target.value as TargetId)}>
            {targets.map((x) => (
              <option key={x.id} value={x.id}>
                {x.label[language]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button-primary"
          data-testid="start-prepare"
          disabled={updating || preparing || targets.length === 0}
          onClick={() => void startPrepare(view.sessionId, target)}
        >
          {t('prepare.next')}
        </button>
      </div>
    </section>
  )
}
