// SHOPLINE Create Order: POST /v1/orders, one request per order (reference 003, api §0/§4/§5).
// Historical orders: CustomProduct lines, flags false, original number and date kept in order_remarks.
import { z } from 'zod'
import type { FieldDef, GroupedOrderInput, Target } from './types'
import { SHOPLINE_FIELDS } from './shopline-fields'
import { amountFacts } from './common'
import { shoplineMoney } from './shopline-money'
import { SHOPLINE_SERVICE } from './api-services'
import { SHOPLINE_PROFILE_CHOICES, shoplineSettingIssues } from './shopline-settings'

const amount = z.union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d+)?$/)]) // documented Float; one doc sample sends "3699"
const optText = z.string().nullable().optional()

const productItem = z.strictObject({
  item_type: z.literal('Product'),
  item_id: z.string().min(1),
  variation_id: z.string().optional(),
  item_price: z.number().nonnegative(),
  quantity: z.number().int().positive(),
  total: z.number().nonnegative()
})
const customProductItem = z.strictObject({
  item_type: z.literal('CustomProduct'),
  item_price: z.number().nonnegative(),
  quantity: z.number().int().positive(),
  total: z.number().nonnegative(),
  item_data: z.strictObject({ name: z.string().min(1), price: z.string().regex(/^\d+(\.\d+)?$/) })
})
const customDiscountItem = z.strictObject({
  item_type: z.literal('CustomDiscount'),
  item_price: z.number().nonnegative(),
  total: z.number().nonnegative(),
  item_data: z.strictObject({ name: z.string().min(1) })
})

export const shoplineDeliveryAddressSchema = z.strictObject({
  country_code: optText,
  country: optText,
  city: optText,
  district: optText,
  state: optText,
  postcode: optText,
  address_1: optText,
  address_2: optText,
  key: optText,
  layer1: optText,
  layer2: optText,
  layer3: optText,
  logistic_codes: z.array(z.string()).nullable().optional(),
  recipient_name: optText,
  recipient_phone: optText,
  recipient_phone_country_code: optText,
  remarks: optText
})

export const shoplineOrderSchema = z
  .strictObject({
    delivery_option_id: z.string().min(1),
    payment_method_id: z.string().min(1),
    subtotal: amount,
    total: amount,
    items: z.array(z.discriminatedUnion('item_type', [productItem, customProductItem, customDiscountItem])).min(1),
    customer_id: z.string().min(1).optional(),
    customer_email: z.email().optional(),
    customer_phone: z.string().optional(),
    delivery_address: shoplineDeliveryAddressSchema,
    order_remarks: z.string().optional(),
    user_credit: z.number().int().optional(),
    member_point: z.number().optional(),
    opt_in_auto_reward: z.boolean().optional()
  })
  .refine((o) => o.customer_id !== undefined || o.customer_email !== undefined, {
    message: 'order.customer_id or order.customer_email is required',
    path: ['customer_email']
  })

/** The whole Create Order body. created_from appears at the top level of the documented curl sample. */
export const shoplineCreateOrderSchema = z.strictObject({
  order: shoplineOrderSchema,
  is_registering_as_member: z.boolean().optional(),
  is_inventory_fulfillment: z.boolean().optional(),
  mail_notify: z.boolean().optional(),
  created_from: z.string().optional()
})

const REMARK_ORDER_NO = 'Original order no. 原訂單編號: '
const REMARK_ORDER_DATE = 'Original order date 原訂單日期: '

/** order_remarks: the source order number, the original date (SHOPLINE stamps the call time) and any remarks column. */
export function shoplineRemarks(orderNo: string, orderDate: string | undefined, remarks: string | undefined): string {
  const parts = [REMARK_ORDER_NO + orderNo]
  if (orderDate) parts.push(REMARK_ORDER_DATE + orderDate)
  if (remarks) parts.push(remarks)
  return parts.join(' | ')
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined
}

/** field key → delivery_address property, for every address field, computed once. */
const ADDRESS_KEYS = new Map(
  SHOPLINE_FIELDS.filter((f) => f.key.startsWith('delivery_address.')).map(
    (f) => [f.key, f.key.slice('delivery_address.'.length)] as const
  )
)

export function buildShoplineBody(g: GroupedOrderInput): Record<string, unknown> {
  const o = g.order
  const address: Record<string, string> = {}
  for (const key in o) {
    const sub = ADDRESS_KEYS.get(key)
    const v = sub === undefined ? undefined : text(o[key])
    if (v !== undefined) address[sub!] = v
  }
  address.recipient_name ??= text(o.customer_name) ?? ''
  address.recipient_phone ??= text(o.customer_phone) ?? ''
  if (address.recipient_name === '') delete address.recipient_name
  if (address.recipient_phone === '') delete address.recipient_phone
  const money = shoplineMoney(g) // lines + shipping (line or remark) + CustomDiscount lines
  const order: Record<string, unknown> = {
    delivery_option_id: g.deliveryOptionId,
    payment_method_id: g.paymentMethodId,
    subtotal: money.subtotal.toNumber(),
    total: money.total.toNumber(),
    items: money.items
  }
  if (text(o.customer_email)) order.customer_email = o.customer_email
  if (text(o.customer_phone)) order.customer_phone = o.customer_phone
  order.delivery_address = address
  order.order_remarks = shoplineRemarks(
    g.orderNo,
    text(o.order_date),
    [text(o.order_remarks), money.remarksNote].filter(Boolean).join(' | ') || undefined
  )
  return { order, is_registering_as_member: false, is_inventory_fulfillment: false, mail_notify: false }
}

export const ShoplineOrdersTarget: Target = {
  id: 'shopline.orders',
  label: { 'zh-TW': 'SHOPLINE 訂單', en: 'SHOPLINE orders' },
  transport: { api: 'shopline', path: '/orders', mode: 'single', maxBatch: 1 },
  service: SHOPLINE_SERVICE,
  // One request per order, so no batch duplicates: rows sharing order_no are one order (groupBy).
  settingIssues: shoplineSettingIssues,
  profileChoices: SHOPLINE_PROFILE_CHOICES,
  payloadSchema: shoplineCreateOrderSchema,
  requestSchema: shoplineCreateOrderSchema,
  supportsMetadata: false,
  groupBy: 'order_no',
  orderLines: {
    totalField: 'order_total',
    priceField: 'items.item_price',
    quantityField: 'items.quantity',
    lineTotalField: 'items.total',
    nameField: 'items.name',
    totalMustMatchLines: true,
    adjustments: { shippingField: 'shipping_fee', discountFields: ['discount', 'discount_coupon', 'discount_points'] }
  },
  buildGroupPayload: buildShoplineBody,
  naturalKey(p) {
    const remarks = (p.order as { order_remarks?: unknown } | undefined)?.order_remarks
    if (typeof remarks !== 'string' || !remarks.startsWith(REMARK_ORDER_NO)) return ''
    return remarks.slice(REMARK_ORDER_NO.length).split(' | ')[0]
  },
  // the store's own currency (SHOPLINE orders carry none); the original order date travels in order_remarks
  amountOf(p) {
    const order = (p.order ?? {}) as { total?: unknown; order_remarks?: unknown }
    const remarks = typeof order.order_remarks === 'string' ? order.order_remarks.split(' | ') : []
    const date = remarks.find((part) => part.startsWith(REMARK_ORDER_DATE))?.slice(REMARK_ORDER_DATE.length)
    return amountFacts(order.total, null, date)
  },
  fields: SHOPLINE_FIELDS as readonly FieldDef[]
}
