// What a careful person maps, per export and destination (field → column), written by hand from each header row.
// The tests compare both recognition (layouts) and plain auto-mapping (synonyms only) against these.
import type { TargetId } from '../../targets/types'
import { SHOPEE_HEADERS, SHOPEE_LEGACY_HEADERS } from '../layouts/shopee'
import { SHOPLINE_CUSTOMER_HEADERS, SHOPLINE_ORDER_HEADERS } from '../layouts/shopline'
import { CYBERBIZ_HEADERS, MOMO_HEADERS, NINETYONE_HEADERS } from '../layouts/marketplaces'
import { SHOPIFY_HEADERS, SHOPIFY_ZH_HEADERS } from '../layouts/shopify'
import { WOOCOMMERCE_HEADERS, WOOCOMMERCE_ZH_HEADERS } from '../layouts/woocommerce'
import { ECPAY_PERIODIC_HEADERS, NEWEBPAY_PERIODIC_HEADERS } from '../layouts/recurring'
import { ERP_HEADERS } from '../layouts/erp'

export interface CarefulCase {
  layout: string
  target: TargetId
  headers: readonly string[]
  expected: Record<string, string>
}

export const CAREFUL: CarefulCase[] = [
  {
    layout: 'shopee.orders',
    target: 'zangsho.orders',
    headers: SHOPEE_HEADERS,
    expected: {
      order_no: '訂單編號',
      amount: '買家總支付金額',
      status: '訂單狀態',
      payment_method: '付款方式',
      paid_at: '買家付款時間'
    }
  },
  {
    layout: 'shopee.orders',
    target: 'shopline.orders',
    headers: SHOPEE_HEADERS,
    expected: {
      order_no: '訂單編號',
      order_date: '訂單成立日期',
      'items.name': '商品名稱',
      'items.item_price': '商品活動價格',
      'items.quantity': '數量',
      order_total: '買家總支付金額',
      shipping_fee: '買家支付運費',
      discount_coupon: '賣場優惠券',
      discount_points: '蝦幣折抵',
      order_remarks: '買家備註',
      'delivery_address.recipient_name': '收件者姓名',
      'delivery_address.recipient_phone': '收件者電話',
      'delivery_address.city': '城市',
      'delivery_address.district': '行政區',
      'delivery_address.postcode': '郵遞區號',
      'delivery_address.address_1': '收件地址'
    }
  },
  {
    layout: 'shopee.orders.legacy',
    target: 'zangsho.orders',
    headers: SHOPEE_LEGACY_HEADERS,
    expected: {
      order_no: '訂單編號',
      amount: '訂單總金額',
      status: '訂單狀態',
      payment_method: '付款方式',
      paid_at: '買家付款時間'
    }
  },
  {
    layout: 'shopline.orders',
    target: 'zangsho.orders',
    headers: SHOPLINE_ORDER_HEADERS,
    expected: {
      order_no: '訂單號碼',
      amount: '訂單合計',
      customer_email: '電郵',
      status: '付款狀態',
      customer_name: '顧客',
      currency: '貨幣',
      payment_method: '付款方式'
    }
  },
  {
    layout: 'shopline.customers',
    target: 'zangsho.customers',
    headers: SHOPLINE_CUSTOMER_HEADERS,
    expected: { email: '電郵', name: '姓名', phone: '手機號碼', external_id: '顧客 ID' }
  },
  {
    layout: '91app.orders',
    target: 'zangsho.orders',
    headers: NINETYONE_HEADERS,
    expected: {
      order_no: '主單編號',
      amount: '訂單總金額',
      customer_email: '購買人Email',
      customer_name: '購買人',
      status: '付款狀態',
      payment_method: '付款方式',
      paid_at: '付款時間'
    }
  },
  {
    layout: 'cyberbiz.orders',
    target: 'zangsho.orders',
    headers: CYBERBIZ_HEADERS,
    expected: {
      order_no: '訂單編號',
      amount: '訂單總金額',
      customer_email: '訂購人Email',
      customer_name: '訂購人姓名',
      status: '付款狀態',
      payment_method: '付款方式',
      paid_at: '付款時間'
    }
  },
  {
    layout: 'momo.orders',
    target: 'shopline.orders',
    headers: MOMO_HEADERS,
    expected: {
      order_no: '訂單編號',
      order_date: '轉單日',
      customer_name: '訂購人姓名',
      'items.name': '品名',
      'items.item_price': '售價(含稅)',
      'items.quantity': '數量',
      order_remarks: '備註',
      'delivery_address.recipient_name': '收件人姓名',
      'delivery_address.recipient_phone': '收件人電話',
      'delivery_address.address_1': '收件人地址'
    }
  },
  {
    layout: 'shopify.orders',
    target: 'zangsho.orders',
    headers: SHOPIFY_HEADERS,
    expected: {
      order_no: 'Name',
      amount: 'Total',
      customer_email: 'Email',
      status: 'Financial Status',
      customer_name: 'Billing Name',
      currency: 'Currency',
      payment_method: 'Payment Method',
      paid_at: 'Paid at'
    }
  },
  {
    layout: 'shopify.orders',
    target: 'shopline.orders',
    headers: SHOPIFY_HEADERS,
    expected: {
      order_no: 'Name',
      order_date: 'Created at',
      customer_email: 'Email',
      customer_phone: 'Phone',
      customer_name: 'Billing Name',
      'items.name': 'Lineitem name',
      'items.item_price': 'Lineitem price',
      'items.quantity': 'Lineitem quantity',
      order_total: 'Total',
      shipping_fee: 'Shipping',
      discount: 'Discount Amount',
      order_remarks: 'Notes',
      'delivery_address.recipient_name': 'Shipping Name',
      'delivery_address.recipient_phone': 'Shipping Phone',
      'delivery_address.country_code': 'Shipping Country',
      'delivery_address.state': 'Shipping Province',
      'delivery_address.city': 'Shipping City',
      'delivery_address.postcode': 'Shipping Zip',
      'delivery_address.address_1': 'Shipping Address1',
      'delivery_address.address_2': 'Shipping Address2'
    }
  },
  {
    layout: 'shopify.orders.zh',
    target: 'zangsho.orders',
    headers: SHOPIFY_ZH_HEADERS,
    expected: {
      order_no: '名稱',
      amount: '總計',
      customer_email: '電子郵件',
      status: '財務狀態',
      customer_name: '帳單姓名',
      currency: '幣別',
      payment_method: '付款方式',
      paid_at: '付款時間'
    }
  },
  {
    layout: 'woocommerce.orders',
    target: 'zangsho.orders',
    headers: WOOCOMMERCE_HEADERS,
    expected: {
      order_no: 'order_number',
      amount: 'order_total',
      customer_email: 'billing_email',
      status: 'status',
      currency: 'order_currency',
      payment_method: 'payment_method',
      paid_at: 'paid_date'
    }
  },
  {
    layout: 'woocommerce.orders.zh',
    target: 'zangsho.orders',
    headers: WOOCOMMERCE_ZH_HEADERS,
    expected: {
      order_no: '訂單編號',
      amount: '訂單總計',
      customer_email: '帳單電子郵件',
      status: '訂單狀態',
      currency: '幣別',
      payment_method: '付款方式',
      paid_at: '付款日期'
    }
  },
  {
    layout: 'ecpay.periodic',
    target: 'zangsho.subscriptions',
    headers: ECPAY_PERIODIC_HEADERS,
    expected: {
      customer_email: '消費者電子信箱',
      started_at: '訂單建立日期',
      current_period_start: '最後授權日期',
      plan_name: '商品名稱'
    }
  },
  {
    layout: 'newebpay.periodic',
    target: 'zangsho.subscriptions',
    headers: NEWEBPAY_PERIODIC_HEADERS,
    expected: {
      customer_email: '付款人信箱',
      started_at: '首期授權日',
      current_period_start: '最近授權日',
      plan_name: '商品名稱'
    }
  },
  {
    layout: 'erp.orders',
    target: 'zangsho.orders',
    headers: ERP_HEADERS,
    expected: { order_no: '單號', amount: '金額', customer_name: '客戶名稱' }
  }
]

/** Fields the careful mapping fills that this mapping fills with the same column (extra fields count as wrong). */
export function score(
  expected: Record<string, string>,
  got: Record<string, string>
): { correct: number; total: number; wrong: string[] } {
  const keys = new Set([...Object.keys(expected), ...Object.keys(got)])
  let correct = 0
  const wrong: string[] = []
  for (const k of keys) {
    if (expected[k] !== undefined && expected[k] === got[k]) correct++
    else wrong.push(`${k}: ${got[k] ?? '—'} (want ${expected[k] ?? '—'})`)
  }
  return { correct, total: Object.keys(expected).length, wrong }
}
