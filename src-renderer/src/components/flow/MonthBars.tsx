// A small bar chart of amounts per month (plain SVG): a misread date column or a wrong decimal point shows at a glance.
import { useTranslation } from 'react-i18next'
import type { PushPreviewView } from '../../../../src-main/ipc/contract'
import { groupCount, groupDecimal } from './numbers'

type Month = PushPreviewView['months'][number]

const HEIGHT = 120
const BAR = 26
const GAP = 8
// a wider span than this is itself the warning (e.g. a 民國 year read as AD): show only the months that have rows
const MAX_FILLED_SPAN = 36

/** Every month from the first to the last (empty ones at zero) when the span is short; otherwise the months present. */
export function fillMonths(months: Month[], currency: string | null): Month[] {
  const present = months.filter((m) => m.currency === currency)
  if (present.length < 2) return present
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1
  const first = index(present[0].month)
  const last = index(present[present.length - 1].month)
  if (last - first + 1 > MAX_FILLED_SPAN) return present
  const byMonth = new Map(present.map((m) => [m.month, m]))
  const out: Month[] = []
  for (let i = first; i <= last; i++) {
    const month = `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
    out.push(byMonth.get(month) ?? { month, currency, total: '0.00', records: 0 })
  }
  return out
}

export function MonthBars({
  months,
  currency,
  currencyLabel
}: {
  months: Month[]
  currency: string | null
  currencyLabel: string
}) {
  const { t, i18n } = useTranslation('flow')
  const bars = fillMonths(months, currency)
  if (bars.length === 0) return null
  // heights are pixels only: the totals themselves stay decimal strings
  const max = Math.max(...bars.map((b) => Math.abs(Number(b.total))), 0)
  const width = bars.length * (BAR + GAP) + GAP
  return (
    <figure className="month-bars" data-testid="month-bars" data-currency={currency ?? ''}>
      <figcaption className="small">{t('summary.months', { currency: currencyLabel })}</figcaption>
      <div className="month-bars-scroll">
        <svg
          role="img"
          aria-label={t('summary.chartLabel')}
          width={width}
          height={HEIGHT + 34}
          viewBox={`0 0 ${width} ${HEIGHT + 34}`}
        >
          {bars.map((b, i) => {
            const h = max > 0 ? Math.max(b.records ? 2 : 0, Math.round((Math.abs(Number(b.total)) / max) * HEIGHT)) : 0
            const x = GAP + i * (BAR + GAP)
            const label = t('summary.monthBar', {
              month: b.month,
              currency: currencyLabel,
              total: groupDecimal(b.total),
              count: b.records,
              formattedCount: groupCount(b.records, i18n.language)
            })
            return (
              <g
                key={b.month}
                data-testid="month-bar"
                data-month={b.month}
                data-total={b.total}
                data-records={b.records}
              >
                <title>{label}</title>
                <rect x={x} y={HEIGHT - h + 4} width={BAR} height={h} rx={3} className="month-bar" />
                <text x={x + BAR / 2} y={HEIGHT + 20} textAnchor="middle" className="month-label">
                  {b.month.slice(5)}
                </text>
                {i === 0 || b.month.endsWith('-01') ? (
                  <text x={x + BAR / 2} y={HEIGHT + 32} textAnchor="middle" className="month-year">
                    {b.month.slice(0, 4)}
                  </text>
                ) : null}
              </g>
            )
          })}
        </svg>
      </div>
    </figure>
  )
}
