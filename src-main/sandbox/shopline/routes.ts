// SHOPLINE Open API routes under /shopline/v1.
import type { Handler, Route } from '../http'
import {
  createShoplineOrder,
  getShoplineOrder,
  listShoplineOrders,
  paginateItems,
  searchShoplineOrders
} from './orders'

const listDeliveryOptions: Handler = (req, _params, { store }) => paginateItems(req.query, store.deliveryOptions)
const listPayments: Handler = (req, _params, { store }) => paginateItems(req.query, store.payments)
const listProducts: Handler = (req, _params, { store }) => paginateItems(req.query, store.products)

function byId<T extends { id: string }>(pick: (ctx: Parameters<Handler>[2]) => T[], what: string): Handler {
  return (_req, params, ctx) => {
    const found = pick(ctx).find((x) => x.id === params.id)
    return found
      ? { status: 200, body: structuredClone(found) }
      : { status: 404, body: { error: `${what} not found`, code: 'NotFound' } }
  }
}

export const shoplineRoutes: Route[] = [
  { method: 'POST', pattern: '/orders', write: true, handle: createShoplineOrder },
  { method: 'GET', pattern: '/orders', write: false, handle: listShoplineOrders },
  { method: 'GET', pattern: '/orders/search', write: false, handle: searchShoplineOrders },
  { method: 'GET', pattern: '/orders/:id', write: false, handle: getShoplineOrder },
  { method: 'GET', pattern: '/delivery_options', write: false, handle: listDeliveryOptions },
  {
    method: 'GET',
    pattern: '/delivery_options/:id',
    write: false,
    handle: byId((c) => c.store.deliveryOptions, 'Delivery option')
  },
  { method: 'GET', pattern: '/payments', write: false, handle: listPayments },
  { method: 'GET', pattern: '/payments/:id', write: false, handle: byId((c) => c.store.payments, 'Payment') },
  { method: 'GET', pattern: '/products', write: false, handle: listProducts }
]
