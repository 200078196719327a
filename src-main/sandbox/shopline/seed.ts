// The shop the SHOPLINE fake starts with: delivery options, payment methods and two products (ids look like Mongo ObjectIds).

export interface DeliveryOption {
  id: string
  status: 'active' | 'draft'
  name_translations: Record<string, string>
  region_type: string
  fee_type: string
  requires_customer_address: boolean
  excluded_payment_ids: string[]
}

export interface PaymentMethod {
  id: string
  status: 'active' | 'draft' | 'hidden'
  type: string
  name_translations: Record<string, string>
  instructions_translations: Record<string, string>
  fee_percent: number
  fee_multiplier: number
  excluded_delivery_option_ids: string[]
}

export interface ShoplineProduct {
  id: string
  title_translations: Record<string, string>
  price: number
  variations: { id: string; price: number }[]
}

/** Delivery kinds Create Order accepts: the shop's own, not third-party logistics integrations. */
export const OWN_DELIVERY_REGION_TYPES = ['custom', 'store_pickup', 'pos'] as const
/** Payment kinds Create Order accepts: the shop's own, not gateways and not SHOPLINE Payments. */
export const OWN_PAYMENT_TYPES = ['custom', 'bank_transfer', 'cash_on_delivery', 'free_checkout'] as const

export const HISTORICAL_DELIVERY_ID = '64d000000000000000000001'
export const STORE_PICKUP_DELIVERY_ID = '64d000000000000000000002'
export const THIRD_PARTY_DELIVERY_ID = '64d000000000000000000003'
export const IMPORTED_PAYMENT_ID = '64e000000000000000000001'
export const BANK_TRANSFER_PAYMENT_ID = '64e000000000000000000002'
export const SHOPLINE_PAYMENTS_ID = '64e000000000000000000003'
export const PRODUCT_ID = '64f000000000000000000001'
export const PRODUCT_WITH_VARIATIONS_ID = '64f000000000000000000002'
export const VARIATION_ID = '64f0000000000000000000a1'

export function seedDeliveryOptions(): DeliveryOption[] {
  const base = { status: 'active' as const, fee_type: 'flat', excluded_payment_ids: [] }
  return [
    {
      ...base,
      id: HISTORICAL_DELIVERY_ID,
      name_translations: { 'zh-hant': '歷史訂單匯入', en: 'Historical import' },
      region_type: 'custom',
      requires_customer_address: false
    },
    {
      ...base,
      id: STORE_PICKUP_DELIVERY_ID,
      name_translations: { 'zh-hant': '門市取貨', en: 'Store pickup' },
      region_type: 'store_pickup',
      requires_customer_address: false
    },
    {
      ...base,
      id: THIRD_PARTY_DELIVERY_ID,
      fee_type: 'sl_logistic',
      region_type: 'tw_711_b2c_pay',
      requires_customer_address: false,
      name_translations: { 'zh-hant': '7-11 取貨付款（大宗寄倉）', en: '7-11 Pickup and Pay (B2C)' }
    }
  ]
}

export function seedPayments(): PaymentMethod[] {
  const base = {
    status: 'active' as const,
    fee_percent: 0,
    fee_multiplier: 0,
    instructions_translations: {},
    excluded_delivery_option_ids: []
  }
  return [
    { ...base, id: IMPORTED_PAYMENT_ID, type: 'custom', name_translations: { 'zh-hant': '匯入', en: 'Imported' } },
    {
      ...base,
      id: BANK_TRANSFER_PAYMENT_ID,
      type: 'bank_transfer',
      name_translations: { 'zh-hant': '銀行轉帳', en: 'Bank transfer' }
    },
    {
      ...base,
      id: SHOPLINE_PAYMENTS_ID,
      type: 'shopline_payment',
      name_translations: { 'zh-hant': 'SHOPLINE Payments', en: 'SHOPLINE Payments' }
    }
  ]
}

export function seedProducts(): ShoplineProduct[] {
  return [
    { id: PRODUCT_ID, title_translations: { 'zh-hant': '經典帆布袋', en: 'Classic tote' }, price: 999, variations: [] },
    {
      id: PRODUCT_WITH_VARIATIONS_ID,
      title_translations: { 'zh-hant': '手沖咖啡豆', en: 'Coffee beans' },
      price: 1500,
      variations: [{ id: VARIATION_ID, price: 1500 }]
    }
  ]
}
