// Shopify admin 「Orders → Export」 CSV (one row per line item; order-level columns only on an order's first row).
// English header: verbatim from the public sample ../shared/samples/public/shopify-orders-export.csv
// (github.com/luistatera/forezia-mock-data orders_export.csv @ e1196a21, see SOURCES.md there). Shopify documents the
// same columns at help.shopify.com/…/managing-orders/exporting-orders. zh-TW header: Shopify writes English headers
// whatever the admin language; research found no zh-TW export, so the zh-TW row is the best-known translation some
// merchants' spreadsheets carry after re-saving (名稱 = Name …).
import type { SourceLayout } from '../types'

const c = (column: string) => ({ column })

export const SHOPIFY_HEADERS = (
  'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,' +
  'Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,' +
  'Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,' +
  'Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,' +
  'Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,' +
  'Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,' +
  'Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,' +
  'Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,' +
  'Payment Terms Name,Next Payment Due At,Payment References'
).split(',')

export const SHOPIFY_ZH_HEADERS = [
  '名稱',
  '電子郵件',
  '財務狀態',
  '付款時間',
  '出貨狀態',
  '幣別',
  '小計',
  '運費',
  '稅金',
  '總計',
  '折扣碼',
  '折扣金額',
  '建立時間',
  '商品數量',
  '商品名稱',
  '商品價格',
  '帳單姓名',
  '帳單電話',
  '運送姓名',
  '運送地址1',
  '運送城市',
  '運送郵遞區號',
  '運送電話',
  '備註',
  '付款方式',
  '電話'
] as const

/** Shopify admin's zh-TW words for its financial states (authorized/partially paid are not money received yet). */
const SHOPIFY_ZH_STATUS = {
  已付款: 'paid',
  待處理: 'pending',
  已授權: 'pending',
  部分付款: 'pending',
  已退款: 'refunded',
  已作廢: 'cancelled',
  逾期: 'pending'
}
const SHOPIFY_PAYMENT = { 'Shopify Payments': 'credit_card', shopify_payments: 'credit_card', Stripe: 'credit_card' }

export const SHOPIFY_ORDERS: SourceLayout = {
  id: 'shopify.orders',
  label: { 'zh-TW': 'Shopify 訂單匯出', en: 'Shopify order export' },
  citation:
    '../shared/samples/public/shopify-orders-export.csv (github.com/luistatera/forezia-mock-data orders_export.csv)',
  headers: SHOPIFY_HEADERS,
  fingerprint: {
    all: ['Name', 'Financial Status', 'Lineitem name'],
    any: ['Fulfillment Status', 'Billing Name', 'Shipping Name', 'Lineitem quantity'],
    minAny: 2
  },
  targets: {
    'zangsho.orders': {
      mapping: {
        order_no: c('Name'),
        amount: c('Total'),
        customer_email: c('Email'),
        status: c('Financial Status'),
        customer_name: c('Billing Name'),
        currency: c('Currency'),
        payment_method: c('Payment Method'),
        paid_at: c('Paid at')
      },
      valueMatches: { payment_method: SHOPIFY_PAYMENT },
      groupBy: 'order_no'
    },
    'zangsho.customers': {
      mapping: { email: c('Email'), name: c('Billing Name'), phone: c('Billing Phone'), order_date: c('Created at') },
      groupBy: 'email'
    },
    'shopline.orders': {
      mapping: {
        order_no: c('Name'),
        order_date: c('Created at'),
        customer_email: c('Email'),
        customer_phone: c('Phone'),
        customer_name: c('Billing Name'),
        'items.name': c('Lineitem name'),
        'items.item_price': c('Lineitem price'),
        'items.quantity': c('Lineitem quantity'),
        order_total: c('Total'),
        shipping_fee: c('Shipping'),
        discount: c('Discount Amount'),
        order_remarks: c('Notes'),
        'delivery_address.recipient_name': c('Shipping Name'),
        'delivery_address.recipient_phone': c('Shipping Phone'),
        'delivery_address.country_code': c('Shipping Country'),
        'delivery_address.state': c('Shipping Province'),
        'delivery_address.city': c('Shipping City'),
        'delivery_address.postcode': c('Shipping Zip'),
        'delivery_address.address_1': c('Shipping Address1'),
        'delivery_address.address_2': c('Shipping Address2')
      },
      groupBy: 'order_no'
    }
  }
}

export const SHOPIFY_ORDERS_ZH: SourceLayout = {
  id: 'shopify.orders.zh',
  label: { 'zh-TW': 'Shopify 訂單匯出（中文欄名）', en: 'Shopify order export (zh-TW headers)' },
  citation: 'No public zh-TW export found; best-known translation of the English header.',
  headers: SHOPIFY_ZH_HEADERS,
  fingerprint: { all: ['名稱', '財務狀態'], any: ['出貨狀態', '帳單姓名', '運送姓名', '商品數量'], minAny: 2 },
  targets: {
    'zangsho.orders': {
      mapping: {
        order_no: c('名稱'),
        amount: c('總計'),
        customer_email: c('電子郵件'),
        status: c('財務狀態'),
        customer_name: c('帳單姓名'),
        currency: c('幣別'),
        payment_method: c('付款方式'),
        paid_at: c('付款時間')
      },
      valueMatches: { status: SHOPIFY_ZH_STATUS, payment_method: SHOPIFY_PAYMENT },
      groupBy: 'order_no'
    }
  }
}
