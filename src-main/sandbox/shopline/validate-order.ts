// Checks a SHOPLINE Create Order body against the documented rules; errors are 422 {error, message, code, extras}.
import Decimal from 'decimal.js'
import { type SandboxResponse, isPlainObject } from '../http'
import type { SandboxStore } from '../state'
import { type DeliveryOption, type PaymentMethod, OWN_DELIVERY_REGION_TYPES, OWN_PAYMENT_TYPES } from './seed'

export interface NewOrderItem {
  item_type: 'Product' | 'CustomProduct' | 'CustomDiscount'
  item_id: string | null
  variation_id: string | null
  price: Decimal
  quantity: number
  total: Decimal
  item_data: Record<string, unknown>
  title: string
}

export interface NewShoplineOrder {
  delivery: DeliveryOption
  payment: PaymentMethod
  customerEmail: string | null
  customerId: string | null
  customerPhone: string | null
  customerName: string | null
  subtotal: Decimal
  total: Decimal
  discount: Decimal
  userCredit: Decimal
  items: NewOrderItem[]
  deliveryAddress: Record<string, unknown>
  orderRemarks: string | null
}

export class OrderRejected extends Error {
  constructor(
    readonly code: string,
    readonly english: string,
    zh: string,
    readonly extras: Record<string, unknown> = {}
  ) {
    super(zh)
  }

  toResponse(): SandboxResponse {
    return { status: 422, body: { error: this.english, message: this.message, code: this.code, extras: this.extras } }
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/

/** A money value: a JSON number or numeric string, ≥ 0, at most 2 decimals. */
function money(value: unknown, field: string): Decimal {
  const text =
    typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : ''
  if (!/^\d+(\.\d{1,2})?$/.test(text)) {
    throw new OrderRejected(
      'InvalidParameter',
      `${field} must be a number >= 0 with at most 2 decimals`,
      `${field} 必須是不小於 0、最多兩位小數的數字`,
      { field }
    )
  }
  return new Decimal(text)
}

function optionalString(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'string')
    throw new OrderRejected('InvalidParameter', `${field} must be a string`, `${field} 必須是字串`, { field })
  return value
}

function pickDeliveryAndPayment(
  store: SandboxStore,
  order: Record<string, unknown>
): { delivery: DeliveryOption; payment: PaymentMethod } {
  const deliveryId = optionalString(order.delivery_option_id, 'order.delivery_option_id')
  const delivery = store.deliveryOptions.find((d) => d.id === deliveryId)
  if (!deliveryId)
    throw new OrderRejected(
      'InvalidParameter',
      'order.delivery_option_id is required',
      'order.delivery_option_id 為必填',
      { field: 'order.delivery_option_id' }
    )
  if (!delivery || delivery.status !== 'active')
    throw new OrderRejected(
      'DeliveryOptionNotFound',
      `Delivery option ${deliveryId} not found`,
      `找不到出貨方式 ${deliveryId}`,
      { delivery_option_id: deliveryId }
    )
  if (!(OWN_DELIVERY_REGION_TYPES as readonly string[]).includes(delivery.region_type)) {
    throw new OrderRejected(
      'DeliveryOptionNotSupported',
      `Third-party delivery (${delivery.region_type}) is not supported by Create Order`,
      `暫不支援第三方物流串接方式（${delivery.region_type}），請改用自訂出貨方式`,
      { delivery_option_id: deliveryId, region_type: delivery.region_type }
    )
  }
  const paymentId = optionalString(order.payment_method_id, 'order.payment_method_id')
  const payment = store.payments.find((p) => p.id === paymentId)
  if (!paymentId)
    throw new OrderRejected(
      'InvalidParameter',
      'order.payment_method_id is required',
      'order.payment_method_id 為必填',
      { field: 'order.payment_method_id' }
    )
  if (!payment || payment.status === 'draft')
    throw new OrderRejected(
      'PaymentMethodNotFound',
      `Payment method ${paymentId} not found`,
      `找不到付款方式 ${paymentId}`,
      { payment_method_id: paymentId }
    )
  if (!(OWN_PAYMENT_TYPES as readonly string[]).includes(payment.type)) {
    throw new OrderRejected(
      'PaymentMethodNotSupported',
      `Third-party payment (${payment.type}) is not supported by Create Order`,
      `暫不支援第三方金流串接方式、SHOPLINE Payments（${payment.type}），請改用自訂付款方式`,
      { payment_method_id: paymentId, type: payment.type }
    )
  }
  if (
    delivery.excluded_payment_ids.includes(payment.id) ||
    payment.excluded_delivery_option_ids.includes(delivery.id)
  ) {
    throw new OrderRejected(
      'DeliveryPaymentExcluded',
      'This delivery option and payment method cannot be combined',
      '此出貨方式與付款方式不能同時使用',
      { delivery_option_id: delivery.id, payment_method_id: payment.id }
    )
  }
  return { delivery, payment }
}

function checkItem(store: SandboxStore, raw: unknown, i: number): NewOrderItem {
  const at = `order.items[${i}]`
  if (!isPlainObject(raw))
    throw new OrderRejected('InvalidParameter', `${at} must be an object`, `${at} 必須是物件`, { field: at })
  const type = raw.item_type
  const price = money(raw.item_price, `${at}.item_price`)
  const total = money(raw.total, `${at}.total`)
  const itemData = isPlainObject(raw.item_data) ? raw.item_data : {}
  const name = typeof itemData.name === 'string' ? itemData.name.trim() : ''
  if (type === 'CustomDiscount') {
    if (!name)
      throw new OrderRejected('InvalidParameter', `${at}.item_data.name is required`, `${at}.item_data.name 為必填`, {
        field: `${at}.item_data.name`
      })
    if (!total.equals(price))
      throw new OrderRejected(
        'ItemTotalMismatch',
        `${at}.total must equal item_price`,
        `${at} 的 total 必須等於 item_price`,
        { index: i }
      )
    return {
      item_type: type,
      item_id: null,
      variation_id: null,
      price,
      quantity: 1,
      total,
      item_data: itemData,
      title: name
    }
  }
  if (type !== 'Product' && type !== 'CustomProduct') {
    throw new OrderRejected(
      'InvalidParameter',
      `${at}.item_type must be Product, CustomProduct or CustomDiscount`,
      `${at}.item_type 必須是 Product、CustomProduct 或 CustomDiscount`,
      { field: `${at}.item_type` }
    )
  }
  const quantity = raw.quantity
  if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < 1) {
    throw new OrderRejected(
      'InvalidParameter',
      `${at}.quantity must be a positive integer`,
      `${at}.quantity 必須是正整數`,
      { field: `${at}.quantity` }
    )
  }
  if (!price.times(quantity).equals(total)) {
    throw new OrderRejected(
      'ItemTotalMismatch',
      `${at}.total must equal item_price x quantity (${price.times(quantity).toString()})`,
      `${at} 的 total 必須等於 item_price × quantity（${price.times(quantity).toString()}）`,
      { index: i }
    )
  }
  if (type === 'CustomProduct') {
    if (!name)
      throw new OrderRejected('InvalidParameter', `${at}.item_data.name is required`, `${at}.item_data.name 為必填`, {
        field: `${at}.item_data.name`
      })
    const listed = itemData.price
    if (listed === undefined || !money(listed, `${at}.item_data.price`).equals(price)) {
      throw new OrderRejected(
        'InvalidParameter',
        `${at}.item_data.price must equal item_price`,
        `${at}.item_data.price 必須與 item_price 相同`,
        { field: `${at}.item_data.price` }
      )
    }
    return {
      item_type: type,
      item_id: null,
      variation_id: null,
      price,
      quantity,
      total,
      item_data: itemData,
      title: name
    }
  }
  const product = store.products.find((p) => p.id === raw.item_id)
  if (!product)
    throw new OrderRejected(
      'ProductNotFound',
      `Product ${String(raw.item_id)} not found`,
      `找不到商品 ${String(raw.item_id)}`,
      { index: i }
    )
  const variationId = typeof raw.variation_id === 'string' ? raw.variation_id : null
  const variation = variationId ? product.variations.find((v) => v.id === variationId) : undefined
  if (variationId && !variation)
    throw new OrderRejected('ProductNotFound', `Variation ${variationId} not found`, `找不到商品規格 ${variationId}`, {
      index: i
    })
  const current = new Decimal(variation?.price ?? product.price)
  if (!current.equals(price)) {
    throw new OrderRejected(
      'ProductPriceMismatch',
      `${at}.item_price must equal the product's current price ${current.toString()}`,
      `${at}.item_price 必須等於商品目前售價 ${current.toString()}（歷史訂單請用 CustomProduct）`,
      { index: i }
    )
  }
  const title = product.title_translations['zh-hant'] ?? product.id
  return {
    item_type: type,
    item_id: product.id,
    variation_id: variationId,
    price,
    quantity,
    total,
    item_data: {},
    title
  }
}

function customerOf(store: SandboxStore, order: Record<string, unknown>): { email: string | null; id: string | null } {
  const email = optionalString(order.customer_email, 'order.customer_email')
  const id = optionalString(order.customer_id, 'order.customer_id')
  if (!email && !id)
    throw new OrderRejected(
      'InvalidParameter',
      'order.customer_id or order.customer_email is required',
      'order.customer_id 與 order.customer_email 必須擇一填寫',
      { field: 'order.customer_email' }
    )
  if (email && !EMAIL.test(email))
    throw new OrderRejected(
      'InvalidParameter',
      'order.customer_email is not a valid email',
      'order.customer_email 格式不正確',
      { field: 'order.customer_email' }
    )
  if (id && !store.shoplineCustomers.has(id))
    throw new OrderRejected('CustomerNotFound', `Customer ${id} not found`, `找不到顧客 ${id}`, { customer_id: id })
  return { email, id }
}

/** Validate a Create Order body; throws OrderRejected. */
export function checkCreateOrder(store: SandboxStore, body: unknown): NewShoplineOrder {
  const order = isPlainObject(body) ? body.order : undefined
  if (!isPlainObject(order))
    throw new OrderRejected('InvalidParameter', 'order is required', 'order 為必填', { field: 'order' })
  const { delivery, payment } = pickDeliveryAndPayment(store, order)
  if (!Array.isArray(order.items) || order.items.length === 0)
    throw new OrderRejected(
      'InvalidParameter',
      'order.items must be a non-empty array',
      'order.items 至少需要一個品項',
      { field: 'order.items' }
    )
  const items = order.items.map((raw, i) => checkItem(store, raw, i))
  const customer = customerOf(store, order)
  const address = order.delivery_address
  if (!isPlainObject(address))
    throw new OrderRejected('InvalidParameter', 'order.delivery_address is required', 'order.delivery_address 為必填', {
      field: 'order.delivery_address'
    })
  if (delivery.requires_customer_address && (typeof address.address_1 !== 'string' || !address.address_1)) {
    throw new OrderRejected(
      'InvalidParameter',
      'order.delivery_address.address_1 is required for this delivery option',
      '此出貨方式需要 order.delivery_address.address_1',
      { field: 'order.delivery_address.address_1' }
    )
  }
  const itemsSum = items
    .filter((it) => it.item_type !== 'CustomDiscount')
    .reduce((sum, it) => sum.plus(it.total), new Decimal(0))
  const discount = items
    .filter((it) => it.item_type === 'CustomDiscount')
    .reduce((sum, it) => sum.plus(it.total), new Decimal(0))
  const subtotal = money(order.subtotal, 'order.subtotal')
  if (!subtotal.equals(itemsSum)) {
    throw new OrderRejected(
      'SubtotalMismatch',
      `order.subtotal must equal the sum of item totals (${itemsSum.toString()})`,
      `order.subtotal 必須等於所有商品小計的總和（${itemsSum.toString()}）`,
      { expected: itemsSum.toNumber(), received: subtotal.toNumber() }
    )
  }
  const userCredit =
    order.user_credit === undefined || order.user_credit === null
      ? new Decimal(0)
      : money(order.user_credit, 'order.user_credit')
  const expected = subtotal.minus(discount).minus(userCredit)
  const total = money(order.total, 'order.total')
  if (expected.isNegative() || !total.equals(expected)) {
    throw new OrderRejected(
      'TotalMismatch',
      `order.total must equal subtotal minus discounts and credits (${expected.toString()})`,
      `order.total 必須等於小計扣除折扣與購物金（${expected.toString()}）`,
      { expected: expected.toNumber(), received: total.toNumber() }
    )
  }
  return {
    delivery,
    payment,
    customerEmail: customer.email,
    customerId: customer.id,
    customerPhone: optionalString(order.customer_phone, 'order.customer_phone'),
    customerName: optionalString(order.customer_name, 'order.customer_name'),
    subtotal,
    total,
    discount,
    userCredit,
    items,
    deliveryAddress: address,
    orderRemarks: optionalString(order.order_remarks, 'order.order_remarks')
  }
}
