// `push --resume`: the SHOPLINE choices a job started with (delivery option, payment method, shipping handling) are kept in
// its journal; a resume uses them without flags, and a flag that says otherwise is refused (half the orders would differ).
import type { ShippingChoice } from '../core/targets/types'
import type { JobOptions } from '../core/upload'

export interface ChoiceFlags {
  'delivery-option-id'?: string
  'payment-method-id'?: string
  shipping?: string
  'shipping-name'?: string
}

const DEFAULT_SHIPPING: ShippingChoice['mode'] = 'as-line'
const DEFAULT_LINE_NAME = '運費'

/** The shipping choice a journal's source holds (absent: the default the job ran with). */
export function journaledShipping(source: Record<string, unknown> | undefined): ShippingChoice | undefined {
  const s = source?.shipping as ShippingChoice | undefined
  return s && (s.mode === 'as-line' || s.mode === 'in-remarks') ? s : undefined
}

/** A message (en + zh-TW) when a resume flag differs from what the job was started with; null when none does. */
export function resumeChoiceConflict(jobId: string, resumed: JobOptions, flags: ChoiceFlags): string | null {
  const shipping = journaledShipping(resumed.source)
  const kept: [flag: keyof ChoiceFlags, was: string | undefined][] = [
    ['delivery-option-id', resumed.deliveryOptionId],
    ['payment-method-id', resumed.paymentMethodId],
    ['shipping', shipping?.mode ?? DEFAULT_SHIPPING],
    ['shipping-name', shipping?.lineName ?? DEFAULT_LINE_NAME]
  ]
  for (const [flag, was] of kept) {
    const now = flags[flag]
    if (now === undefined || now === was) continue
    const before = was === undefined || was === '' ? '(none)' : was
    const beforeZh = was === undefined || was === '' ? '(未設定)' : was
    return (
      `job ${jobId} was started with --${flag} ${before}; a resume keeps that choice so its orders all match the ones ` +
      `already sent. Run --resume without --${flag} (it uses ${before}), or start a new push for --${flag} ${now}.\n` +
      `工作 ${jobId} 開始時的 --${flag} 是 ${beforeZh}；續傳必須沿用，才能與已送出的訂單一致。` +
      `請不加 --${flag} 續傳（會用 ${beforeZh}），或以 --${flag} ${now} 開始新的匯入。`
    )
  }
  return null
}
