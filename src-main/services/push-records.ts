// The records a push sends. SHOPLINE orders need the profile's delivery option and payment method inside every payload,
// and those are chosen with the profile at push time: the preparation is built again with them (same table, same edits).
import type { PushSettings } from '../core/credentials/push-profile'
import type { Target } from '../core/targets/types'
import type { JobOptions, RowResult } from '../core/upload'
import { createPreparation } from '../core/validation/prepare'
import type { Preparation } from '../core/validation/types'
import type { ImportSession } from '../core/workspace/import-session'
import type { PushOptionsView } from '../ipc/push-contract'
import { batchSizeOf, effectiveOptions } from './push-plan'

export interface ShoplineChoiceIds {
  deliveryOptionId?: string
  paymentMethodId?: string
}

export function preparationFor(
  session: ImportSession,
  target: Target,
  shopline: ShoplineChoiceIds | null
): Preparation | null {
  const base = session.preparation
  const needs = target.profileChoices?.keys ?? []
  if (!base || !shopline || needs.length === 0 || needs.some((k) => !shopline[k])) return base
  const s = session.state
  return createPreparation(session.editedTable, {
    target: target.id,
    mapping: s.mapping,
    valueMatches: s.valueMatches,
    timezone: s.timezone,
    dateOrder: s.dateOrder,
    metadataColumns: s.metadataColumns,
    excludedRows: s.excluded,
    ...(s.shipping ? { shipping: s.shipping } : {}),
    shopline: { deliveryOptionId: shopline.deliveryOptionId, paymentMethodId: shopline.paymentMethodId }
  })
}

/** What the journal header keeps: where to send, the choices, and where the records came from (never the token). */
export function buildJobOptions(
  target: Target,
  settings: PushSettings,
  options: PushOptionsView,
  session: ImportSession,
  prepId: string,
  profileId: string
): JobOptions {
  const chosen = effectiveOptions(target, options)
  return {
    target: target.id,
    // Subscription events: the profile's advanced settings may move the (inferred) create path.
    transport:
      target.push?.eventsPhase && settings.eventsPath
        ? { ...target.transport, path: settings.eventsPath }
        : target.transport,
    baseUrl: settings.baseUrl,
    ...(chosen.onConflict ? { onConflict: chosen.onConflict } : {}),
    ...(chosen.withCustomers ? { withCustomers: true } : {}),
    ...(chosen.single ? { single: true } : {}),
    batchSize: batchSizeOf(target, chosen, settings.batchSize),
    ...(settings.minIntervalMs !== undefined ? { minIntervalMs: settings.minIntervalMs } : {}),
    excludedRows: [...session.state.excluded],
    ...(settings.deliveryOptionId ? { deliveryOptionId: settings.deliveryOptionId } : {}),
    ...(settings.paymentMethodId ? { paymentMethodId: settings.paymentMethodId } : {}),
    source: { prepId, profileId, file: session.state.source.name }
  }
}

/** Each result with its record's business key (order number, e-mail), so the results name what the sheet row was. */
export function withKeys(results: RowResult[], preparation: Preparation | null): RowResult[] {
  if (!preparation) return results
  const keys = new Map<number, string>()
  for (const record of preparation.records) if (record.key) keys.set(record.row, record.key)
  return results.map((r) => ({ ...r, key: r.key ?? keys.get(r.row) ?? null }))
}
