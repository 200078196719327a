// The outcome counts as chips (created / updated / skipped / failed / invalid / unknown).
import { useTranslation } from 'react-i18next'
import type { PushCounts } from '../../../../src-main/ipc/contract'

const COUNT_KEYS = ['created', 'updated', 'skipped', 'failed', 'notSent', 'invalid', 'unknown'] as const
const CHIP: Partial<Record<(typeof COUNT_KEYS)[number], string>> = {
  created: 'chip-good',
  updated: 'chip-good',
  failed: 'chip-bad',
  notSent: 'chip-neutral',
  unknown: 'chip-warn',
  invalid: 'chip-bad'
}

export function CountChips({ counts, testId }: { counts: PushCounts; testId?: string }) {
  const { t } = useTranslation('push')
  return (
    <div className="summary-chips" data-testid={testId}>
      {COUNT_KEYS.filter((k) => counts[k] > 0 || k === 'created' || k === 'failed').map((k) => (
        <span key={k} className={`chip ${counts[k] ? (CHIP[k] ?? '') : ''}`} data-count={k}>
          {t(`counts.${k}`, { count: counts[k] })}
        </span>
      ))}
    </div>
  )
}
