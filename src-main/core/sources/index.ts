// The registry of known exports. Order matters only for ties in recognition (more specific layouts first).
import type { SourceLayout } from './types'
import { SHOPEE_ORDERS, SHOPEE_ORDERS_LEGACY } from './layouts/shopee'
import { SHOPLINE_CUSTOMERS, SHOPLINE_ORDERS } from './layouts/shopline'
import { CYBERBIZ_ORDERS, MOMO_ORDERS, NINETYONE_ORDERS } from './layouts/marketplaces'
import { SHOPIFY_ORDERS, SHOPIFY_ORDERS_ZH } from './layouts/shopify'
import { WOOCOMMERCE_ORDERS, WOOCOMMERCE_ORDERS_ZH } from './layouts/woocommerce'
import { ECPAY_PERIODIC, NEWEBPAY_PERIODIC } from './layouts/recurring'
import { ERP_ORDERS } from './layouts/erp'

export const SOURCE_LAYOUTS: readonly SourceLayout[] = [
  SHOPEE_ORDERS,
  SHOPEE_ORDERS_LEGACY,
  SHOPLINE_ORDERS,
  SHOPLINE_CUSTOMERS,
  NINETYONE_ORDERS,
  CYBERBIZ_ORDERS,
  MOMO_ORDERS,
  SHOPIFY_ORDERS,
  SHOPIFY_ORDERS_ZH,
  WOOCOMMERCE_ORDERS,
  WOOCOMMERCE_ORDERS_ZH,
  ECPAY_PERIODIC,
  NEWEBPAY_PERIODIC,
  ERP_ORDERS
]

export function getSourceLayout(id: string): SourceLayout | undefined {
  return SOURCE_LAYOUTS.find((l) => l.id === id)
}

export type { SourceLayout, SourceTargetPlan } from './types'
export { recognizeSource, type Recognition } from './recognize'
export { planFromLayout, mapWithSource, type SourcePlan, type SourcedMapping } from './apply'
