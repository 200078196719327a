// WooCommerce order export, one row per order. English header: verbatim from the public sample
// ../shared/samples/public/woocommerce-orders-export-webtoffee-sample.csv (WebToffee "Order Export & Order Import for
// WooCommerce", github.com/vinigarcia87/storms-order-import-export-for-woocommerce Sample_Order.csv, see SOURCES.md).
// Items sit in line_item_N cells (pipe lists), so this export fills 帳獸 orders/customers, not SHOPLINE line items.
// zh-TW header: research found no public zh-TW export; best-known layout of the Chinese-language export plugins.
import type { SourceLayout } from '../types'

const c = (column: string) => ({ column })

export const WOOCOMMERCE_HEADERS = (
  'order_id,order_number,order_date,status,shipping_total,shipping_tax_total,fee_total,fee_tax_total,tax_total,cart_discount,' +
  'order_discount,discount_total,order_total,order_currency,payment_method,shipping_method,customer_id,customer_user,customer_email,' +
  'billing_first_name,billing_last_name,billing_company,billing_email,billing_phone,billing_address_1,billing_address_2,billing_postcode,' +
  'billing_city,billing_state,billing_country,shipping_first_name,shipping_last_name,shipping_company,shipping_address_1,' +
  'shipping_address_2,shipping_postcode,shipping_city,shipping_state,shipping_country,customer_note,shipping_items,fee_items,tax_items,' +
  'coupon_items,refund_items,order_notes,download_permissions,customer_ip_address,paid_date,completed_date,line_item_1,line_item_2,line_item_3'
).split(',')

export const WOOCOMMERCE_ZH_HEADERS = [
  '訂單 ID',
  '訂單編號',
  '訂單日期',
  '訂單狀態',
  '運費',
  '訂單總計',
  '幣別',
  '付款方式',
  '運送方式',
  '顧客 ID',
  '帳單名字',
  '帳單姓氏',
  '帳單電子郵件',
  '帳單電話',
  '帳單地址 1',
  '帳單城市',
  '收件人名字',
  '收件人姓氏',
  '運送地址 1',
  '運送城市',
  '顧客備註',
  '付款日期',
  '完成日期'
] as const

/** WooCommerce writes gateway ids. Stripe is a card gateway; cod (貨到付款) and paypal have no 帳獸 equivalent. */
const WOO_PAYMENT = {
  eh_stripe_pay: 'credit_card',
  stripe: 'credit_card',
  bacs: 'atm',
  ecpay_credit: 'credit_card',
  ecpay_atm: 'atm',
  ecpay_cvs: 'cvs'
}

/** WooCommerce's zh-TW order states, read as the English ones are (processing = paid, awaiting shipment; on-hold = awaiting a transfer). */
const WOO_ZH_STATUS = {
  處理中: 'paid',
  保留: 'pending',
  等待付款中: 'pending',
  待付款: 'pending',
  已完成: 'paid',
  已取消: 'cancelled',
  已退款: 'refunded',
  失敗: 'failed'
}

export const WOOCOMMERCE_ORDERS: SourceLayout = {
  id: 'woocommerce.orders',
  label: { 'zh-TW': 'WooCommerce 訂單匯出', en: 'WooCommerce order export' },
  citation:
    '../shared/samples/public/woocommerce-orders-export-webtoffee-sample.csv (vinigarcia87/storms-order-import-export-for-woocommerce Sample_Order.csv)',
  headers: WOOCOMMERCE_HEADERS,
  fingerprint: {
    all: ['order_number', 'order_total', 'billing_email'],
    any: ['line_item_1', 'billing_first_name', 'shipping_items', 'order_currency'],
    minAny: 2
  },
  targets: {
    'zangsho.orders': {
      // billing_email, not customer_email: a guest order (customer_id 0) has only billing_email.
      mapping: {
        order_no: c('order_number'),
        amount: c('order_total'),
        customer_email: c('billing_email'),
        status: c('status'),
        currency: c('order_currency'),
        payment_method: c('payment_method'),
        paid_at: c('paid_date')
      },
      valueMatches: { payment_method: WOO_PAYMENT }
    },
    'zangsho.customers': {
      mapping: {
        email: c('billing_email'),
        phone: c('billing_phone'),
        external_id: c('customer_id'),
        order_date: c('order_date')
      },
      groupBy: 'email'
    }
  }
}

export const WOOCOMMERCE_ORDERS_ZH: SourceLayout = {
  id: 'woocommerce.orders.zh',
  label: { 'zh-TW': 'WooCommerce 訂單匯出（中文欄名）', en: 'WooCommerce order export (zh-TW headers)' },
  citation: 'No public zh-TW export found; best-known layout.',
  headers: WOOCOMMERCE_ZH_HEADERS,
  fingerprint: { all: ['訂單編號', '帳單電子郵件'], any: ['帳單名字', '帳單姓氏', '訂單總計', '顧客備註'], minAny: 2 },
  targets: {
    'zangsho.orders': {
      mapping: {
        order_no: c('訂單編號'),
        amount: c('訂單總計'),
        customer_email: c('帳單電子郵件'),
        status: c('訂單狀態'),
        currency: c('幣別'),
        payment_method: c('付款方式'),
        paid_at: c('付款日期')
      },
      valueMatches: { status: WOO_ZH_STATUS, payment_method: WOO_PAYMENT }
    }
  }
}
