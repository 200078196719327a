// 91APP, CYBERBIZ and momo order exports (xlsx/csv, one row per order item).
// Research (search corpora code/pages/docs, find_string) found no public parser or help page with any of these
// header rows; CYBERBIZ's extra columns 運費, 訂單總紅利換購點數, 可獲得紅利, 指定配送日期, 指定配送時段, 托運單號 and
// 小計/商品單價 appear in a public order-cleaning script that says it covers 「CYBERBIZ … 真實匯出欄位名」 (the index did
// not name its repository). The rest are the best-known layouts. momo (供應商後台) exports no buyer e-mail.
import type { SourceLayout } from '../types'

const c = (column: string) => ({ column })

export const NINETYONE_HEADERS = [
  '主單編號',
  '訂單編號',
  '訂單成立時間',
  '訂單狀態',
  '付款方式',
  '付款狀態',
  '付款時間',
  '會員編號',
  '購買人',
  '購買人手機',
  '購買人Email',
  '收件人',
  '收件人手機',
  '收件人地址',
  '配送方式',
  '商品名稱',
  '商品規格',
  '數量',
  '商品單價',
  '商品小計',
  '運費',
  '訂單總金額',
  '備註'
] as const

export const CYBERBIZ_HEADERS = [
  '訂單編號',
  '訂單日期',
  '訂單狀態',
  '付款狀態',
  '付款方式',
  '付款時間',
  '訂購人姓名',
  '訂購人Email',
  '訂購人電話',
  '收件人姓名',
  '收件人電話',
  '收件人地址',
  '配送方式',
  '商品名稱',
  '商品款式',
  '數量',
  '商品單價',
  '小計',
  '運費',
  '訂單總金額',
  '訂單總紅利換購點數',
  '可獲得紅利',
  '指定配送日期',
  '指定配送時段',
  '托運單號',
  '訂單備註'
] as const

export const MOMO_HEADERS = [
  '訂單編號',
  '訂單類別',
  '轉單日',
  '預計出貨日',
  '訂購人姓名',
  '收件人姓名',
  '收件人電話',
  '收件人地址',
  '商品原廠編號',
  '品號',
  '品名',
  '單品規格',
  '數量',
  '售價(含稅)',
  '進價(含稅)',
  '配送方式',
  '備註'
] as const

export const NINETYONE_ORDERS: SourceLayout = {
  id: '91app.orders',
  label: { 'zh-TW': '91APP 訂單匯出', en: '91APP order export' },
  citation: 'No public header row found; best-known layout.',
  headers: NINETYONE_HEADERS,
  fingerprint: {
    all: ['主單編號', '購買人'],
    any: ['購買人Email', '購買人手機', '收件人手機', '訂單總金額'],
    minAny: 2
  },
  targets: {
    'shopline.orders': {
      mapping: {
        order_no: c('主單編號'),
        order_date: c('訂單成立時間'),
        customer_email: c('購買人Email'),
        customer_phone: c('購買人手機'),
        customer_name: c('購買人'),
        'items.name': c('商品名稱'),
        'items.item_price': c('商品單價'),
        'items.quantity': c('數量'),
        'items.total': c('商品小計'),
        shipping_fee: c('運費'),
        order_total: c('訂單總金額'),
        order_remarks: c('備註'),
        'delivery_address.recipient_name': c('收件人'),
        'delivery_address.recipient_phone': c('收件人手機'),
        'delivery_address.address_1': c('收件人地址')
      },
      groupBy: 'order_no'
    },
    'zangsho.orders': {
      mapping: {
        order_no: c('主單編號'),
        amount: c('訂單總金額'),
        customer_email: c('購買人Email'),
        customer_name: c('購買人'),
        status: c('付款狀態'),
        payment_method: c('付款方式'),
        paid_at: c('付款時間')
      },
      groupBy: 'order_no'
    },
    'zangsho.customers': {
      mapping: {
        email: c('購買人Email'),
        name: c('購買人'),
        phone: c('購買人手機'),
        external_id: c('會員編號'),
        order_date: c('訂單成立時間')
      },
      groupBy: 'email'
    }
  }
}

export const CYBERBIZ_ORDERS: SourceLayout = {
  id: 'cyberbiz.orders',
  label: { 'zh-TW': 'CYBERBIZ 訂單匯出', en: 'CYBERBIZ order export' },
  citation: 'No public header row found; best-known layout (extra columns seen in a public cleaning script).',
  headers: CYBERBIZ_HEADERS,
  fingerprint: {
    all: ['訂單編號', '訂購人Email'],
    any: ['訂單總紅利換購點數', '可獲得紅利', '指定配送時段', '托運單號', '商品款式'],
    minAny: 2
  },
  targets: {
    'zangsho.orders': {
      mapping: {
        order_no: c('訂單編號'),
        amount: c('訂單總金額'),
        customer_email: c('訂購人Email'),
        customer_name: c('訂購人姓名'),
        status: c('付款狀態'),
        payment_method: c('付款方式'),
        paid_at: c('付款時間')
      },
      groupBy: 'order_no'
    },
    'zangsho.customers': {
      mapping: { email: c('訂購人Email'), name: c('訂購人姓名'), phone: c('訂購人電話'), order_date: c('訂單日期') },
      groupBy: 'email'
    },
    'shopline.orders': {
      mapping: {
        order_no: c('訂單編號'),
        order_date: c('訂單日期'),
        customer_email: c('訂購人Email'),
        customer_phone: c('訂購人電話'),
        customer_name: c('訂購人姓名'),
        'items.name': c('商品名稱'),
        'items.item_price': c('商品單價'),
        'items.quantity': c('數量'),
        'items.total': c('小計'),
        order_total: c('訂單總金額'),
        order_remarks: c('訂單備註'),
        shipping_fee: c('運費'),
        'delivery_address.recipient_name': c('收件人姓名'),
        'delivery_address.recipient_phone': c('收件人電話'),
        'delivery_address.address_1': c('收件人地址')
      },
      groupBy: 'order_no'
    }
  }
}

export const MOMO_ORDERS: SourceLayout = {
  id: 'momo.orders',
  label: { 'zh-TW': 'momo 訂單匯出', en: 'momo order export' },
  citation: 'No public header row found; best-known supplier-portal layout.',
  headers: MOMO_HEADERS,
  fingerprint: { all: ['訂單編號', '轉單日'], any: ['品名', '單品規格', '售價', '進價', '商品原廠編號'], minAny: 2 },
  targets: {
    'shopline.orders': {
      mapping: {
        order_no: c('訂單編號'),
        order_date: c('轉單日'),
        customer_name: c('訂購人姓名'),
        'items.name': c('品名'),
        'items.item_price': c('售價(含稅)'),
        'items.quantity': c('數量'),
        order_remarks: c('備註'),
        'delivery_address.recipient_name': c('收件人姓名'),
        'delivery_address.recipient_phone': c('收件人電話'),
        'delivery_address.address_1': c('收件人地址')
      },
      groupBy: 'order_no'
    }
  },
  lacks: [
    { field: 'customer_email', why: { 'zh-TW': 'momo 匯出檔沒有訂購人 Email。', en: 'momo exports no buyer e-mail.' } }
  ]
}
