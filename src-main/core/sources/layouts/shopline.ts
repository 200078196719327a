// SHOPLINE admin 「訂單 → 更多動作 → 匯出訂單報表」 (xlsx, one row per order item) and 「顧客 → 匯出顧客報表」.
// The order report's columns are chosen by the merchant (help page: support.shoplineapp.com/hc/zh-tw/articles/
// 115001459203 「訂單匯出」: categories 訂單/出貨/發票/商品/顧客, 「訂單編號為必選欄位」, order of columns = order ticked).
// Research found no public copy of a full header row for either report; these are the best-known zh-TW column names
// (SHOPLINE says 電郵 for e-mail, 訂單號碼 for the order number, 訂單合計 for the total). Recognition therefore needs
// only a few of them (fingerprint.any), since a merchant may untick columns.
import type { SourceLayout } from '../types'

const c = (column: string) => ({ column })

export const SHOPLINE_ORDER_HEADERS = [
  '訂單號碼',
  '訂單日期',
  '訂單狀態',
  '付款狀態',
  '送貨狀態',
  '顧客 ID',
  '顧客',
  '電郵',
  '電話號碼',
  '會員',
  '付款方式',
  '送貨方式',
  '收件人',
  '收件人電話號碼',
  '地址 1',
  '地址 2',
  '城市',
  '地區/州/省份',
  '郵政編號（如適用)',
  '國家／地區',
  '商品名稱',
  '選項',
  '商品貨號',
  '數量',
  '商品原價',
  '商品結帳價',
  '商品小計',
  '訂單小計',
  '運費',
  '優惠折扣',
  '訂單合計',
  '貨幣',
  '訂單備註'
] as const

export const SHOPLINE_CUSTOMER_HEADERS = [
  '顧客 ID',
  '姓名',
  '電郵',
  '手機號碼',
  '性別',
  '生日',
  '會員等級',
  '註冊日期',
  '累積消費金額',
  '訂單數',
  '地址',
  '是否接受優惠宣傳',
  '備註'
] as const

/** SHOPLINE writes the gateway after the method: 信用卡（SHOPLINE Payments）. The value matcher copes; listed for sureness. */
const SHOPLINE_PAYMENT = {
  '信用卡(SHOPLINE Payments)': 'credit_card',
  'ATM 虛擬帳號': 'atm',
  銀行轉帳: 'atm',
  'LINE Pay': 'line_pay',
  街口支付: 'jkopay',
  'Apple Pay': 'apple_pay'
}
const SHOPLINE_STATUS = {
  未付款: 'pending',
  已付款: 'paid',
  已退款: 'refunded',
  付款失敗: 'failed',
  已取消: 'cancelled'
}

export const SHOPLINE_ORDERS: SourceLayout = {
  id: 'shopline.orders',
  label: { 'zh-TW': 'SHOPLINE 訂單報表', en: 'SHOPLINE order report' },
  citation: 'support.shoplineapp.com/hc/zh-tw/articles/115001459203 (export steps; no public header row found)',
  headers: SHOPLINE_ORDER_HEADERS,
  fingerprint: {
    all: ['訂單號碼'],
    any: ['電郵', '顧客', '訂單合計', '付款狀態', '送貨狀態', '商品結帳價', '收件人電話號碼'],
    minAny: 3
  },
  targets: {
    'zangsho.orders': {
      mapping: {
        order_no: c('訂單號碼'),
        amount: c('訂單合計'),
        customer_email: c('電郵'),
        status: c('付款狀態'),
        customer_name: c('顧客'),
        currency: c('貨幣'),
        payment_method: c('付款方式')
      },
      valueMatches: { status: SHOPLINE_STATUS, payment_method: SHOPLINE_PAYMENT },
      groupBy: 'order_no'
    },
    'shopline.orders': {
      mapping: {
        order_no: c('訂單號碼'),
        order_date: c('訂單日期'),
        customer_email: c('電郵'),
        customer_phone: c('電話號碼'),
        customer_name: c('顧客'),
        'items.name': c('商品名稱'),
        'items.item_price': c('商品結帳價'),
        'items.quantity': c('數量'),
        'items.total': c('商品小計'),
        shipping_fee: c('運費'),
        discount: c('優惠折扣'),
        order_total: c('訂單合計'),
        order_remarks: c('訂單備註'),
        'delivery_address.recipient_name': c('收件人'),
        'delivery_address.recipient_phone': c('收件人電話號碼'),
        'delivery_address.address_1': c('地址 1'),
        'delivery_address.address_2': c('地址 2'),
        'delivery_address.city': c('城市')
      },
      groupBy: 'order_no'
    },
    'zangsho.customers': {
      mapping: {
        email: c('電郵'),
        name: c('顧客'),
        phone: c('電話號碼'),
        external_id: c('顧客 ID'),
        order_date: c('訂單日期')
      },
      groupBy: 'email'
    }
  }
}

export const SHOPLINE_CUSTOMERS: SourceLayout = {
  id: 'shopline.customers',
  label: { 'zh-TW': 'SHOPLINE 顧客報表', en: 'SHOPLINE customer report' },
  citation: 'support.shoplineapp.com/hc/en-us/articles/204591439 (export customer report; no public header row found)',
  headers: SHOPLINE_CUSTOMER_HEADERS,
  fingerprint: { all: ['電郵'], any: ['顧客 ID', '會員等級', '手機號碼', '註冊日期', '累積消費金額'], minAny: 2 },
  targets: {
    'zangsho.customers': {
      mapping: { email: c('電郵'), name: c('姓名'), phone: c('手機號碼'), external_id: c('顧客 ID') }
    }
  }
}
