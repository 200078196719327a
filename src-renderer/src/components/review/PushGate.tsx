// 匯入 and, when it cannot be used yet, the reason right next to it (a disabled button alone explains nothing).
import { useTranslation } from 'react-i18next'
import type { PrepareView } from '../../../../src-main/ipc/contract'
import { usePrepareStore } from '../../prepare-store'
import { usePrepProgress } from '../../prepare-progress-store'
import { useProfileList } from '../../queries/profiles'
import { PushButton } from '../PushButton'
import './review.css'

/** Why nothing can be pushed yet, or null when 匯入 is usable. */
export function pushBlockReason(
  view: PrepareView,
  busy: boolean,
  choicesMissing: boolean,
  t: (key: string, options?: Record<string, unknown>) => string
): string | null {
  if (busy) return t('gate.busy')
  const { summary } = view
  if (summary.valid > 0) return null
  if (view.problems.some((p) => p.severity === 'error')) return t('gate.mapping')
  if (choicesMissing) return t('gate.shopline')
  if (summary.rows === 0) return t('gate.noRows')
  return t('gate.errors', { count: summary.errorRows ?? summary.invalid })
}

export function PushGate({ view, file, busy }: { view: PrepareView; file: string; busy: boolean }) {
  const { t } = useTranslation('review')
  const chosen = useProfileList()?.profiles.find((p) => p.id === view.profileId)
  const needsChoices = usePrepareStore((s) => s.targets.find((x) => x.id === view.target)?.needsProfileChoices === true)
  const choicesMissing = needsChoices && !(chosen?.shopline?.deliveryOptionId && chosen.shopline.paymentMethodId)
  // issue 14: records are complete only once every row is validated
  const validating = usePrepProgress(view.prepId, view.progress)?.progress != null
  const reason = validating ? t('progress.gate') : pushBlockReason(view, busy, choicesMissing, t)
  return (
    <div className="push-gate">
      <PushButton
        prepId={view.prepId}
        file={file}
        disabled={reason !== null}
        describedBy={reason ? 'push-blocked-reason' : undefined}
        profileId={view.profileId}
      />
      {reason && !busy ? (
        <span id="push-blocked-reason" className="push-blocked small" data-testid="push-blocked-reason" role="status">
          {reason}
        </span>
      ) : null}
    </div>
  )
}
