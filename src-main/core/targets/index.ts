// Every destination by id. Adding a destination = one file in this folder + one line here.
import type { Target, TargetId, TargetService } from './types'
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

/** The ids of the destinations that pass the test, in TARGET_IDS order (e.g. for "--single is for … only"). */
export function targetIdsWhere(test: (target: Target) => boolean): TargetId[] {
  return TARGET_IDS.filter((id) => test(TARGETS[id]))
}

/** The API a profile speaks, as the destinations on it declare it (connection test, name). */
export function serviceFor(api: TargetService['api']): TargetService {
  const target = Object.values(TARGETS).find((t) => t.service.api === api)
  if (!target) throw new RangeError(`No destination uses the API "${api}"`)
  return target.service
}

export { applyResolution } from './zangsho-subscriptions'
export type { Target, TargetId, FieldDef, PreparedRecord, TargetService } from './types'
