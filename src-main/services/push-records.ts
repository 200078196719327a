// The records a push sends. SHOPLINE orders need the profile's delivery option and payment method inside every payload,
// and those are chosen with the profile at push time: the preparation is built again with them (same table, same edits).
import type { Target } from '../core/targets/types'
import { createPreparation } from '../core/validation/prepare'
import type { Preparation } from '../core/validation/types'
import type { ImportSession } from '../core/workspace/import-session'

export interface ShoplineChoiceIds {
  deliveryOptionId?: string
  paymentMethodId?: string
}

export function preparationFor(session: ImportSession, target: Target, shopline: ShoplineChoiceIds | null): Preparation | null {
  const base = session.preparation
  if (!base || target.transport.api !== 'shopline' || !shopline?.deliveryOptionId || !shopline.paymentMethodId) return base
  const s = session.state
  return createPreparation(session.editedTable, {
    target: target.id,
    mapping: s.mapping,
    valueMatches: s.valueMatches,
    timezone: s.timezone,
    dateOrder: s.dateOrder,
    metadataColumns: s.metadataColumns,
    excludedRows: s.excluded,
    shopline: { deliveryOptionId: shopline.deliveryOptionId, paymentMethodId: shopline.paymentMethodId }
  })
}
