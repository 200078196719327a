// 帳獸 routes under /zangsho/v1, each with the ability its token needs (batch endpoints need the matching write ability).
import type { Route } from '../http'
import { customersBatch, ordersBatch, subscriptionsBatch } from './batch'
import { getCustomer, getOrder, getSubscription, listCustomers, listOrders, listSubscriptions } from './read'
import { createSingleCustomer, createSingleOrder } from './single-order'
import { createSubscriptionEvent, listSubscriptionEvents } from './events'
import { cancelSubscription } from './cancel'

export const ZANGSHO_ABILITIES = [
  'customers:read',
  'customers:write',
  'orders:read',
  'orders:write',
  'subscriptions:read',
  'subscriptions:write'
] as const

export const zangshoRoutes: Route[] = [
  { method: 'POST', pattern: '/customers/batch', ability: 'customers:write', write: true, handle: customersBatch },
  { method: 'POST', pattern: '/customers', ability: 'customers:write', write: true, handle: createSingleCustomer },
  { method: 'GET', pattern: '/customers', ability: 'customers:read', write: false, handle: listCustomers },
  { method: 'GET', pattern: '/customers/:id', ability: 'customers:read', write: false, handle: getCustomer },
  { method: 'POST', pattern: '/orders/batch', ability: 'orders:write', write: true, handle: ordersBatch },
  { method: 'POST', pattern: '/orders', ability: 'orders:write', write: true, handle: createSingleOrder },
  { method: 'GET', pattern: '/orders', ability: 'orders:read', write: false, handle: listOrders },
  { method: 'GET', pattern: '/orders/:orderNo', ability: 'orders:read', write: false, handle: getOrder },
  // Inferred: the create path is the documented list path (api §8).
  {
    method: 'POST',
    pattern: '/subscriptions/events',
    ability: 'subscriptions:write',
    write: true,
    handle: createSubscriptionEvent
  },
  {
    method: 'GET',
    pattern: '/subscriptions/events',
    ability: 'subscriptions:read',
    write: false,
    handle: listSubscriptionEvents
  },
  {
    method: 'POST',
    pattern: '/subscriptions/batch',
    ability: 'subscriptions:write',
    write: true,
    handle: subscriptionsBatch
  },
  { method: 'GET', pattern: '/subscriptions', ability: 'subscriptions:read', write: false, handle: listSubscriptions },
  {
    method: 'GET',
    pattern: '/subscriptions/:id',
    ability: 'subscriptions:read',
    write: false,
    handle: getSubscription
  },
  {
    method: 'PUT',
    pattern: '/subscriptions/:id/cancel',
    ability: 'subscriptions:write',
    write: true,
    handle: cancelSubscription
  }
]
