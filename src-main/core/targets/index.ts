// Every destination by id. Adding a destination = one file in this folder + one line here.
import type { Target, TargetId } from './types'
import { TARGET_IDS } from './types'
import { ZangshoOrdersTarget } from './zangsho-orders'
import { ZangshoCustomersTarget } from './zangsho-customers'
import { ZangshoSubscriptionsTarget } from './zangsho-subscriptions'
import { ShoplineOrdersTarget } from './shopline-orders'
import { ZangshoSubscriptionEventsTarget } from './zangsho-subscription-events'

export const TARGETS: Readonly<Record<TargetId, Target>> = {
  'zangsho.orders': ZangshoOrdersTarget,
  'zangsho.customers': ZangshoCustomersTarget,
  'zangsho.subscriptions': ZangshoSubscriptionsTarget,
  'shopline.orders': ShoplineOrdersTarget,
  'zangsho.subscription_events': ZangshoSubscriptionEventsTarget
}

export function isTargetId(id: string): id is TargetId {
  return (TARGET_IDS as readonly string[]).includes(id)
}

/** The destination with this id, or undefined for an unknown id (the CLI turns that into a usage error). */
export function getTarget(id: string): Target | undefined {
  return isTargetId(id) ? TARGETS[id] : undefined
}

export { applyResolution } from './zangsho-subscriptions'
export type { Target, TargetId, FieldDef, PreparedRecord } from './types'
