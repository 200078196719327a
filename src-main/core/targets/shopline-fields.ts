// The columns a SHOPLINE import reads. Order-level fields may be filled only on an order's first row (as Shopify exports do).
import type { FieldDef } from './types'

const L = (zh: string, en: string) => ({ 'zh-TW': zh, en })

export const SHOPLINE_FIELDS: readonly FieldDef[] = [
  {
    key: 'order_no',
    type: 'string',
    required: true,
    label: L('訂單編號', 'Order number'),
    help: L(
      '同一個編號的列合併成一張訂單;編號寫進訂單備註(SHOPLINE 無法指定訂單編號)。',
      'Rows sharing a number become one order; the number goes into the order remarks (SHOPLINE cannot set it).'
    ),
    synonyms: [
      '訂單編號',
      '訂單號碼',
      '訂單號',
      '單號',
      'Order No.',
      'Order Number',
      'Order #',
      'Order ID',
      'order_no',
      'order_number',
      'Name'
    ]
  },
  {
    key: 'order_date',
    type: 'datetime',
    required: false,
    label: L('訂單日期', 'Order date'),
    help: L(
      'SHOPLINE 會以匯入當下為訂單時間;原始日期寫進訂單備註。',
      'SHOPLINE dates the order at import time; the original date goes into the order remarks.'
    ),
    synonyms: [
      '訂單日期',
      '下單日期',
      '下單時間',
      '訂購日期',
      '建立時間',
      '成立時間',
      'Order Date',
      'Created at',
      'order_date',
      'Date',
      '訂單成立日期',
      '訂單成立時間',
      '轉單日'
    ]
  },
  {
    key: 'customer_email',
    type: 'email',
    required: true,
    label: L('顧客 Email', 'Customer email'),
    help: L('SHOPLINE 需要顧客 Email。', 'SHOPLINE needs the customer email.'),
    synonyms: [
      'Email',
      'E-mail',
      '電子郵件',
      '電子信箱',
      '信箱',
      '顧客Email',
      '客戶Email',
      '會員Email',
      'Customer Email',
      'customer_email',
      'billing_email',
      '電郵',
      '訂購人Email',
      '購買人Email',
      '帳單電子郵件'
    ]
  },
  {
    key: 'customer_phone',
    type: 'phone',
    required: false,
    label: L('顧客電話', 'Customer phone'),
    help: L('例如 0910123456;沒有收件人電話時也用它。', 'e.g. 0910123456; also used when there is no recipient phone.'),
    synonyms: [
      '顧客電話',
      '客戶電話',
      '電話',
      '手機',
      '手機號碼',
      '聯絡電話',
      'Phone',
      'Customer Phone',
      'Billing Phone',
      'billing_phone',
      'Mobile',
      '電話號碼',
      '訂購人電話',
      '購買人手機',
      '連絡電話'
    ]
  },
  {
    key: 'customer_name',
    type: 'string',
    required: false,
    label: L('顧客姓名', 'Customer name'),
    help: L('沒有收件人姓名時當作收件人。', 'Used as the recipient when there is no recipient name.'),
    synonyms: [
      '顧客姓名',
      '客戶姓名',
      '姓名',
      '訂購人',
      '購買人',
      'Customer Name',
      'Billing Name',
      'Buyer Name',
      '顧客',
      '訂購人姓名',
      '購買人姓名',
      '帳單姓名'
    ]
  },
  {
    key: 'items.name',
    type: 'string',
    required: true,
    perLine: true,
    label: L('商品名稱', 'Item name'),
    help: L('每一列是一個商品明細(客製商品 CustomProduct)。', 'Each row is one line item (a CustomProduct).'),
    synonyms: [
      '商品名稱',
      '品名',
      '商品',
      '產品名稱',
      '品項',
      'Lineitem name',
      'Item Name',
      'Product Name',
      'Product',
      'Item'
    ]
  },
  {
    key: 'items.item_price',
    type: 'money',
    required: true,
    perLine: true,
    label: L('商品單價', 'Unit price'),
    help: L('當時的售價,例如 NT$600。', 'The price at the time, e.g. NT$600.'),
    synonyms: [
      '單價',
      '商品單價',
      '售價',
      '價格',
      'Lineitem price',
      'Unit Price',
      'Item Price',
      'Price',
      '商品活動價格',
      '商品結帳價',
      '商品價格'
    ]
  },
  {
    key: 'items.quantity',
    type: 'integer',
    required: false,
    perLine: true,
    label: L('數量', 'Quantity'),
    help: L('正整數;沒有對應時為 1。', 'A whole number above 0; 1 when not mapped.'),
    synonyms: ['數量', '購買數量', '件數', 'Lineitem quantity', 'Quantity', 'Qty']
  },
  {
    key: 'items.total',
    type: 'money',
    required: false,
    perLine: true,
    label: L('明細小計', 'Line total'),
    help: L('單價 × 數量;若有對應,兩者不符時會標示錯誤。', 'Unit price × quantity; if mapped, a mismatch is an error.'),
    synonyms: ['小計', '明細小計', '商品小計', '明細金額', 'Line Total', 'Lineitem total', 'Item Total']
  },
  {
    key: 'order_total',
    type: 'money',
    required: false,
    label: L('訂單總額', 'Order total'),
    help: L(
      '用來核對:明細加總與它不同時會標示錯誤。',
      'Used as a check: an error when the line items do not add up to it.'
    ),
    synonyms: [
      '訂單總額',
      '總金額',
      '訂單金額',
      '總計',
      '合計',
      '金額',
      'Total',
      'Order Total',
      'order_total',
      'Amount',
      '買家總支付金額',
      '訂單合計',
      '訂單總計',
      '訂單總金額'
    ]
  },
  {
    key: 'shipping_fee',
    type: 'money',
    required: false,
    label: L('運費', 'Shipping'),
    help: L(
      '成為名為「運費」的客製商品明細，或寫進訂單備註（匯入設定可選）。',
      'Becomes a CustomProduct line named 運費, or goes into the order remarks (your choice in the import settings).'
    ),
    synonyms: [
      '運費',
      '物流費用',
      '運費金額',
      '買家支付運費',
      '買家支付的運費',
      'Shipping',
      'Shipping Fee',
      'Shipping Cost',
      'shipping_total',
      '配送費',
      '物流費'
    ]
  },
  {
    key: 'discount',
    type: 'money',
    required: false,
    label: L('折扣', 'Discount'),
    help: L(
      '成為一筆 CustomDiscount 折扣明細，從總額扣除。',
      'Becomes a CustomDiscount line, deducted from the total.'
    ),
    synonyms: [
      '折扣',
      '折扣金額',
      '優惠折扣',
      '優惠折抵',
      '優惠金額',
      '訂單折扣',
      'Discount',
      'Discount Amount',
      'discount_total',
      'cart_discount'
    ]
  },
  {
    key: 'discount_coupon',
    type: 'money',
    required: false,
    label: L('折價券', 'Coupon'),
    help: L('另一筆 CustomDiscount 折扣明細（折價券、優惠券）。', 'Another CustomDiscount line (coupons, vouchers).'),
    synonyms: ['折價券', '優惠券', '優惠券折抵', '折價券折抵', '賣場優惠券', '賣家負擔優惠券', 'Coupon', 'Voucher']
  },
  {
    key: 'discount_points',
    type: 'money',
    required: false,
    label: L('點數折抵', 'Points / credits used'),
    help: L(
      '另一筆 CustomDiscount 折扣明細（紅利、點數、蝦幣、購物金折抵）。',
      'Another CustomDiscount line (reward points, coins, store credit).'
    ),
    synonyms: [
      '點數折抵',
      '紅利折抵',
      '紅利點數折抵',
      '蝦幣折抵',
      '購物金折抵',
      '購物金',
      'Points',
      'Points Used',
      'Store Credit'
    ]
  },
  {
    key: 'order_remarks',
    type: 'string',
    required: false,
    label: L('訂單備註', 'Order remarks'),
    help: L('附加在備註中(建立後無法修改)。', 'Appended to the remarks (cannot be changed after creation).'),
    synonyms: ['訂單備註', '買家備註', '備註', '附註', 'Notes', 'Remarks', 'Note', 'customer_note']
  },
  ...address('recipient_name', '收件人姓名', 'Recipient name', [
    '收件人',
    '收件人姓名',
    '收件者',
    'Shipping Name',
    'Recipient Name',
    'Recipient',
    '收件者姓名'
  ]),
  ...address('recipient_phone', '收件人電話', 'Recipient phone', [
    '收件人電話',
    '收件人手機',
    '收件電話',
    'Shipping Phone',
    'Recipient Phone',
    '收件者電話',
    '收件人電話號碼'
  ]),
  ...address('country_code', '國家代碼', 'Country code', [
    '國家代碼',
    'Country Code',
    'Shipping Country',
    'shipping_country'
  ]),
  ...address('country', '國家', 'Country', ['國家', '國家名稱', 'Country', 'Country Name']),
  ...address('state', '州/省', 'State / province', [
    '州',
    '省',
    'Shipping Province',
    'shipping_state',
    'State',
    'Province'
  ]),
  ...address('city', '縣市', 'City', ['縣市', '城市', '收件縣市', 'Shipping City', 'shipping_city', 'City']),
  ...address('district', '鄉鎮市區', 'District', ['鄉鎮市區', '行政區', '區', 'District']),
  ...address('postcode', '郵遞區號', 'Postcode', [
    '郵遞區號',
    '郵編',
    'Shipping Zip',
    'shipping_postcode',
    'Postcode',
    'Zip'
  ]),
  ...address('address_1', '地址', 'Address line 1', [
    '地址',
    '收件地址',
    '送貨地址',
    '地址1',
    'Shipping Address1',
    'shipping_address_1',
    'Address 1',
    'Address',
    '收件人地址'
  ]),
  ...address('address_2', '地址第二行', 'Address line 2', [
    '地址2',
    '地址第二行',
    'Shipping Address2',
    'shipping_address_2',
    'Address 2'
  ])
]

function address(sub: string, zh: string, en: string, synonyms: string[]): FieldDef[] {
  const phone = sub === 'recipient_phone'
  return [
    {
      key: 'delivery_address.' + sub,
      type: phone ? 'phone' : 'string',
      required: false,
      label: L(zh, en),
      help: L('送貨地址:' + zh + '。', 'Delivery address: ' + en.toLowerCase() + '.'),
      synonyms
    }
  ]
}
