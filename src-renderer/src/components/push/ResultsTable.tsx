// Every row's outcome with its id, reason and message, filtered by outcome; virtual, so long pushes stay fast.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../i18n/number-format'
import type { PushCounts, PushOutcome, PushResultFilter } from '../../../../src-main/ipc/contract'
import { useVirtualPages } from '../useVirtualPages'
import { useResultPages } from '../../queries/result-pages'

const ROW_HEIGHT = 36
// sheet row, business key (order number / e-mail), outcome, id, reason, message
// the outcome fits 「未送出（可以繼續或重試）」 and the id a 24-character SHOPLINE id, without cutting them
const COLUMNS = '90px minmax(140px, 200px) 190px 200px 120px minmax(160px, 1fr)'
const OUTCOMES: PushOutcome[] = ['created', 'updated', 'skipped', 'failed', 'not_sent', 'invalid', 'unknown']
/** The count of an outcome (not_sent is counted as notSent in the summary). */
const countOf = (counts: PushCounts, o: PushOutcome): number => (o === 'not_sent' ? counts.notSent : counts[o])

export function ResultsTable({ jobId, counts }: { jobId: string; counts: PushCounts }) {
  const { t } = useTranslation('push')
  const { t: tf } = useTranslation('flow')
  const hasProblems = counts.failed + counts.notSent + counts.invalid + counts.unknown > 0
  const [filter, setFilter] = useState<PushResultFilter>(hasProblems ? 'problems' : 'all')
  const pages = useResultPages(jobId, filter)
  const { scroller, virtual, items } = useVirtualPages(pages, ROW_HEIGHT)

  const filters: PushResultFilter[] = [
    'all',
    ...(hasProblems ? (['problems'] as const) : []),
    ...OUTCOMES.filter((o) => countOf(counts, o) > 0)
  ]

  return (
    <section className="push-section" aria-labelledby="results-title" data-testid="push-results">
      <div className="results-head">
        <h2 id="results-title">{t('results.title')}</h2>
        <div className="filter-tabs" role="tablist">
          {filters.map((f) => (
            <button
              key={f}
              type="button"
              role="tab"
              aria-selected={filter === f}
              className={filter === f ? 'is-active' : undefined}
              data-testid={`results-filter-${f}`}
              onClick={() => setFilter(f)}
            >
              {t(`results.filters.${f}`)}
              {f !== 'all' && f !== 'problems' ? ` ${formatNumber(countOf(counts, f))}` : ''}
            </button>
          ))}
        </div>
      </div>
      <div
        className="grid results-grid"
        ref={scroller}
        data-testid="results-grid"
        tabIndex={0}
        role="region"
        aria-label={tf('a11y.resultsTable')}
      >
        <div className="grid-header grid-row" style={{ gridTemplateColumns: COLUMNS }}>
          <div className="grid-cell rownum">{t('results.row')}</div>
          <div className="grid-cell">{tf('results.key')}</div>
          <div className="grid-cell">{t('results.outcome')}</div>
          <div className="grid-cell">{t('results.id')}</div>
          <div className="grid-cell">{t('results.reason')}</div>
          <div className="grid-cell">{t('results.message')}</div>
        </div>
        {pages.total === 0 ? (
          <p className="muted grid-empty">{t('results.empty')}</p>
        ) : (
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = pages.rowAt(item.index)
              return (
                <div
                  key={item.key}
                  className="grid-slot"
                  style={{ transform: `translateY(${item.start}px)`, height: item.size }}
                >
                  {row ? (
                    <div
                      className="grid-row"
                      style={{ gridTemplateColumns: COLUMNS }}
                      data-testid="result-row"
                      data-row={row.row}
                      data-outcome={row.outcome}
                    >
                      <div className="grid-cell rownum" title={row.rows.join(', ')}>
                        {row.rows.length > 1 ? `${row.row}–${row.rows[row.rows.length - 1]}` : row.row}
                      </div>
                      <div className="grid-cell result-key" data-testid="result-key" title={row.key ?? undefined}>
                        {row.key ?? ''}
                      </div>
                      <div className={`grid-cell outcome-${row.outcome}`} title={t(`outcome.${row.outcome}`)}>
                        {t(`outcome.${row.outcome}`)}
                      </div>
                      <div className="grid-cell result-id" title={row.id == null ? undefined : String(row.id)}>
                        {row.id ?? ''}
                      </div>
                      <div className="grid-cell" title={row.reasonText ?? undefined}>
                        {row.reasonText ?? ''}
                      </div>
                      <div className="grid-cell" title={row.message ?? undefined}>
                        {row.message ?? ''}
                      </div>
                    </div>
                  ) : (
                    <div className="grid-row is-loading" style={{ gridTemplateColumns: COLUMNS }} />
                  )}
                </div>
              )
            })}
          </div>
        )}
      </div>
    </section>
  )
}
