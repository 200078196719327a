// Shopee TW seller centre 「我的銷售 → 訂單匯出」 (xlsx, one row per order item), and the older .xls variant.
// Header row (current): verbatim from the COLUMN_MAPPING keys of bruce-yang-422/shopee_orders_etl scripts/config.py
// ("根據實際 Excel 欄位修正", commit 35f354d8); the same names appear in other public parsers of this export.
// Older .xls variant: research found no public copy of its full header row; it is the best-known older layout
// (訂單成立時間, 訂單小計 (TWD), 訂單總金額, all items in one 「商品資訊」 cell), with 金流處理費率 as the config above
// notes for the older name. Shopee never exports the buyer's e-mail (only 買家帳號).
import type { SourceLayout } from '../types'

const c = (column: string) => ({ column })

export const SHOPEE_HEADERS = [
  '訂單編號',
  '訂單狀態',
  '不成立原因',
  '退貨 / 退款狀態',
  '買家帳號',
  '訂單成立日期',
  '商品總價',
  '買家支付運費',
  '蝦皮補助運費',
  '退貨運費',
  '買家總支付金額',
  '蝦皮補貼金額',
  '蝦幣折抵',
  '銀行信用卡活動折抵',
  '優惠代碼',
  '賣場優惠券',
  '賣家蝦幣回饋券',
  '優惠券',
  '成交手續費',
  '其他服務費',
  '金流與系統處理費',
  '分期付款期數',
  '金流與系統處理費率',
  '成交手續費規則名稱',
  '商品名稱',
  '商品選項名稱',
  '商品原價',
  '商品活動價格',
  '主商品貨號',
  '商品選項貨號',
  '數量',
  '退貨數量',
  '促銷組合指標',
  '蝦皮促銷組合折扣:促銷組合標籤',
  '收件地址',
  '收件者電話',
  '蝦皮專線和包裹查詢碼',
  '取件門市店號',
  '城市',
  '行政區',
  '郵遞區號',
  '收件者姓名',
  '寄送方式',
  '出貨方式',
  '備貨時間',
  '付款方式',
  '最晚出貨日期',
  '包裹查詢號碼',
  '買家付款時間',
  '實際出貨時間',
  '訂單完成時間',
  '買家備註',
  '備註'
] as const

export const SHOPEE_LEGACY_HEADERS = [
  '訂單編號',
  '訂單狀態',
  '不成立原因',
  '退貨 / 退款狀態',
  '買家帳號',
  '訂單成立時間',
  '訂單小計 (TWD)',
  '買家支付的運費',
  '訂單總金額',
  '賣家負擔優惠券',
  '蝦皮負擔優惠券',
  '蝦幣折抵',
  '信用卡促銷折抵',
  '成交手續費',
  '金流處理費率',
  '商品資訊',
  '收件者姓名',
  '收件者電話',
  '收件地址',
  '寄送方式',
  '付款方式',
  '最晚出貨日期',
  '包裹查詢號碼',
  '買家付款時間',
  '實際出貨時間',
  '訂單完成時間',
  '買家備註',
  '備註'
] as const

/** Shopee order states → 帳獸 status. 待出貨 means paid, except cash on delivery (see the derivation). */
const SHOPEE_STATUS = {
  待付款: 'pending',
  待出貨: 'paid',
  運送中: 'paid',
  已完成: 'paid',
  不成立: 'cancelled',
  取消: 'cancelled',
  已取消: 'cancelled',
  '退貨/退款': 'refunded'
}
const SHOPEE_PAYMENT = {
  '信用卡/金融卡': 'credit_card',
  信用卡分期付款: 'credit_card',
  銀行轉帳: 'atm',
  ATM轉帳: 'atm',
  'LINE Pay': 'line_pay',
  街口支付: 'jkopay'
}
const statusByPayment = {
  kind: 'status_by_payment' as const,
  statusColumn: '訂單狀態',
  paymentColumn: '付款方式',
  rules: [
    { status: ['待出貨', '運送中'], payment: ['貨到付款', '超商取貨付款', '蝦皮店到店 - 取貨付款'], result: 'pending' },
    { status: ['待出貨', '運送中', '已完成'], result: 'paid' },
    { status: ['待付款'], result: 'pending' },
    { status: ['不成立', '取消', '已取消'], result: 'cancelled' },
    { status: ['退貨/退款'], result: 'refunded' }
  ]
}
const NO_EMAIL = [
  {
    field: 'customer_email',
    why: {
      'zh-TW':
        '蝦皮匯出檔沒有買家 Email（只有買家帳號）；帳獸訂單與 SHOPLINE 訂單都必須有 Email，請以固定值或另一份顧客名單補上。',
      en: 'Shopee exports no buyer e-mail (only the buyer account); 帳獸 and SHOPLINE orders need one: give a constant or join a customer list.'
    }
  }
]

export const SHOPEE_ORDERS: SourceLayout = {
  id: 'shopee.orders',
  label: { 'zh-TW': '蝦皮 訂單匯出', en: 'Shopee order export' },
  citation: 'github.com/bruce-yang-422/shopee_orders_etl scripts/config.py (COLUMN_MAPPING)',
  headers: SHOPEE_HEADERS,
  fingerprint: {
    all: ['訂單編號', '買家帳號', '買家總支付金額'],
    any: ['蝦皮補助運費', '蝦幣折抵', '商品選項名稱', '收件者姓名', '蝦皮補貼金額'],
    minAny: 2
  },
  targets: {
    'zangsho.orders': {
      mapping: {
        order_no: c('訂單編號'),
        amount: c('買家總支付金額'),
        status: c('訂單狀態'),
        payment_method: c('付款方式'),
        paid_at: c('買家付款時間')
      },
      valueMatches: { status: SHOPEE_STATUS, payment_method: SHOPEE_PAYMENT },
      groupBy: 'order_no',
      derived: { status: statusByPayment }
    },
    'shopline.orders': {
      mapping: {
        order_no: c('訂單編號'),
        order_date: c('訂單成立日期'),
        'items.name': c('商品名稱'),
        'items.item_price': c('商品活動價格'),
        'items.quantity': c('數量'),
        order_total: c('買家總支付金額'),
        order_remarks: c('買家備註'),
        shipping_fee: c('買家支付運費'),
        discount_coupon: c('賣場優惠券'),
        discount_points: c('蝦幣折抵'),
        'delivery_address.recipient_name': c('收件者姓名'),
        'delivery_address.recipient_phone': c('收件者電話'),
        'delivery_address.city': c('城市'),
        'delivery_address.district': c('行政區'),
        'delivery_address.postcode': c('郵遞區號'),
        'delivery_address.address_1': c('收件地址')
      },
      groupBy: 'order_no'
    }
  },
  lacks: NO_EMAIL
}

export const SHOPEE_ORDERS_LEGACY: SourceLayout = {
  id: 'shopee.orders.legacy',
  label: { 'zh-TW': '蝦皮 訂單匯出（舊版 .xls）', en: 'Shopee order export (older .xls)' },
  citation: 'No public copy found; best-known older layout (see the comment at the top of layouts/shopee.ts).',
  headers: SHOPEE_LEGACY_HEADERS,
  fingerprint: { all: ['訂單編號', '買家帳號', '訂單總金額', '商品資訊'] },
  targets: {
    'zangsho.orders': {
      mapping: {
        order_no: c('訂單編號'),
        amount: c('訂單總金額'),
        status: c('訂單狀態'),
        payment_method: c('付款方式'),
        paid_at: c('買家付款時間')
      },
      valueMatches: { status: SHOPEE_STATUS, payment_method: SHOPEE_PAYMENT },
      derived: { status: statusByPayment }
    }
  },
  lacks: NO_EMAIL
}
