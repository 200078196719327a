// One realistic export per source layout (see fixtures.ts): the values each platform writes, several orders, some
// with several item rows. The expectations live in the tests; this file only says what the files hold.
import { SHOPEE_HEADERS, SHOPEE_LEGACY_HEADERS } from '../../../src-main/core/sources/layouts/shopee'
import { SHOPLINE_CUSTOMER_HEADERS, SHOPLINE_ORDER_HEADERS } from '../../../src-main/core/sources/layouts/shopline'
import { CYBERBIZ_HEADERS, MOMO_HEADERS, NINETYONE_HEADERS } from '../../../src-main/core/sources/layouts/marketplaces'
import { SHOPIFY_HEADERS, SHOPIFY_ZH_HEADERS } from '../../../src-main/core/sources/layouts/shopify'
import { WOOCOMMERCE_HEADERS, WOOCOMMERCE_ZH_HEADERS } from '../../../src-main/core/sources/layouts/woocommerce'
import { ECPAY_PERIODIC_HEADERS, NEWEBPAY_PERIODIC_HEADERS } from '../../../src-main/core/sources/layouts/recurring'
import { ERP_HEADERS } from '../../../src-main/core/sources/layouts/erp'
import { firstRowOnly, itemRows, type ExportFixture } from './fixtures'

const shopeeOrder = (no: string, status: string, pay: string, total: string, paidAt: string) => ({
  訂單編號: no,
  訂單狀態: status,
  買家帳號: `buyer_${no.slice(-4)}`,
  訂單成立日期: '2024-11-01 10:15',
  買家總支付金額: total,
  付款方式: pay,
  買家付款時間: paidAt,
  收件者姓名: '陳美玲',
  收件者電話: '0912345678',
  城市: '臺北市',
  行政區: '大安區',
  郵遞區號: '106',
  收件地址: '臺北市大安區復興南路一段 100 號',
  寄送方式: '7-ELEVEN',
  買家支付運費: 0,
  蝦皮補助運費: 60
})

/** Shopee 訂單匯出 (xlsx): order cells repeated on every item row; free shipping (蝦皮補助運費), so lines add up to the total. */
export const SHOPEE: ExportFixture = {
  file: 'Order.all.20241101_20241130.xlsx',
  format: 'xlsx',
  headers: SHOPEE_HEADERS,
  rows: [
    ...itemRows(shopeeOrder('241101AB7C1234', '已完成', '信用卡/金融卡', '1,180', '2024-11-01 10:16'), [
      { 商品名稱: '有機綠茶 100g', 商品活動價格: 350, 數量: 2 },
      { 商品名稱: '陶瓷杯', 商品活動價格: 480, 數量: 1 }
    ]),
    ...itemRows(shopeeOrder('241102CD8E5678', '待出貨', '貨到付款', '990', ''), [
      { 商品名稱: '鐵觀音禮盒', 商品活動價格: 990, 數量: 1 }
    ]),
    ...itemRows(shopeeOrder('241103EF9G9012', '待付款', '銀行轉帳', '1,990', ''), [
      { 商品名稱: '茶具組', 商品活動價格: 1990, 數量: 1 }
    ]),
    ...itemRows(shopeeOrder('241104GH0J3456', '運送中', 'LINE Pay', '760', '2024-11-04 21:03'), [
      { 商品名稱: '烏龍茶包', 商品活動價格: 190, 數量: 2 },
      { 商品名稱: '茶葉罐', 商品活動價格: 380, 數量: 1 }
    ])
  ]
}

/** Older Shopee .xls: one row per order, items in one 「商品資訊」 cell. */
export const SHOPEE_LEGACY: ExportFixture = {
  file: 'Order.toship.20191101_20191130.xls',
  format: 'xls',
  headers: SHOPEE_LEGACY_HEADERS,
  rows: [
    {
      訂單編號: '19110112AB34CD',
      訂單狀態: '已完成',
      買家帳號: 'tea_lover',
      訂單成立時間: '2019-11-01 09:30',
      '訂單小計 (TWD)': 1180,
      訂單總金額: 1240,
      商品資訊: '[1] 商品名稱:有機綠茶; 價格: $ 350; 數量: 2; [2] 商品名稱:陶瓷杯; 價格: $ 480; 數量: 1;',
      付款方式: '信用卡/金融卡',
      買家付款時間: '2019-11-01 09:31'
    },
    {
      訂單編號: '19110213EF56GH',
      訂單狀態: '待出貨',
      買家帳號: 'oolong88',
      訂單成立時間: '2019-11-02 14:00',
      訂單總金額: 990,
      商品資訊: '[1] 商品名稱:鐵觀音禮盒; 價格: $ 990; 數量: 1;',
      付款方式: '貨到付款'
    },
    {
      訂單編號: '19110314IJ78KL',
      訂單狀態: '不成立',
      買家帳號: 'cancel_me',
      訂單成立時間: '2019-11-03 08:00',
      訂單總金額: 450,
      商品資訊: '[1] 商品名稱:茶包; 價格: $ 450; 數量: 1;',
      付款方式: 'ATM轉帳'
    }
  ]
}

const shoplineOrder = (no: string, who: string, email: string, pay: string, paid: string, total: string) => ({
  訂單號碼: no,
  訂單日期: '2024-11-01 10:15:22',
  訂單狀態: '已確認',
  付款狀態: paid,
  送貨狀態: '已發貨',
  '顧客 ID': `5f${no.slice(-6)}`,
  顧客: who,
  電郵: email,
  電話號碼: '+886912345678',
  會員: '是',
  付款方式: pay,
  送貨方式: '黑貓宅急便',
  收件人: '林佳蓉',
  收件人電話號碼: '0987654321',
  '地址 1': '復興南路一段 100 號',
  城市: '臺北市',
  '國家／地區': '台灣',
  訂單合計: total,
  貨幣: 'TWD',
  訂單備註: '-'
})

/** SHOPLINE 訂單報表 (xlsx): one row per item, the order cells repeated; 電郵 for e-mail; "NT$1,990" totals. */
export const SHOPLINE_ORDERS: ExportFixture = {
  file: 'order_report_20241130.xlsx',
  format: 'xlsx',
  headers: SHOPLINE_ORDER_HEADERS,
  rows: [
    ...itemRows(
      shoplineOrder(
        '20241101000123',
        '王小明',
        'ming@example.com',
        '信用卡（SHOPLINE Payments）',
        '已付款',
        'NT$1,990'
      ),
      [
        { 商品名稱: '手工皂禮盒', 數量: 1, 商品結帳價: 'NT$1,500', 商品小計: 'NT$1,500' },
        { 商品名稱: '旅行皂', 數量: 2, 商品結帳價: 'NT$245', 商品小計: 'NT$490' }
      ]
    ),
    ...itemRows(shoplineOrder('20241101000124', '陳大華', 'hua@example.com', 'ATM 虛擬帳號', '未付款', 'NT$990'), [
      { 商品名稱: '沐浴乳', 數量: 1, 商品結帳價: 'NT$990', 商品小計: 'NT$990' }
    ]),
    ...itemRows(shoplineOrder('20241102000125', '李美華', 'mei@example.com', 'LINE Pay', '已退款', 'NT$2,480'), [
      { 商品名稱: '香氛蠟燭', 數量: 2, 商品結帳價: 'NT$990', 商品小計: 'NT$1,980' },
      { 商品名稱: '火柴', 數量: 1, 商品結帳價: 'NT$500', 商品小計: 'NT$500' }
    ])
  ]
}

/** SHOPLINE 顧客報表 (xlsx): one row per customer. */
export const SHOPLINE_CUSTOMERS: ExportFixture = {
  file: 'customer_report_20241130.xlsx',
  format: 'xlsx',
  headers: SHOPLINE_CUSTOMER_HEADERS,
  rows: [
    {
      '顧客 ID': '5f1a2b3c4d',
      姓名: '王小明',
      電郵: 'ming@example.com',
      手機號碼: '0912345678',
      性別: '男',
      生日: '1990/05/12',
      會員等級: '金卡',
      註冊日期: '2023/01/05',
      累積消費金額: 'NT$12,800',
      訂單數: 7,
      是否接受優惠宣傳: '是'
    },
    {
      '顧客 ID': '5f1a2b3c4e',
      姓名: '陳大華',
      電郵: 'Hua@Example.com',
      手機號碼: '0922333444',
      性別: '女',
      會員等級: '一般會員',
      註冊日期: '2024/03/18',
      累積消費金額: 'NT$990',
      訂單數: 1,
      是否接受優惠宣傳: '否'
    },
    {
      '顧客 ID': '5f1a2b3c4f',
      姓名: '李美華',
      電郵: 'mei@example.com',
      手機號碼: '',
      會員等級: '一般會員',
      註冊日期: '2024/06/30',
      累積消費金額: 'NT$0',
      訂單數: 0
    }
  ]
}

const ninetyOneOrder = (
  no: string,
  who: string,
  email: string,
  pay: string,
  paid: string,
  paidAt: string,
  total: string
) => ({
  主單編號: no,
  訂單成立時間: '2024/11/01 10:15',
  訂單狀態: '已成立',
  付款方式: pay,
  付款狀態: paid,
  付款時間: paidAt,
  會員編號: `M${no.slice(-5)}`,
  購買人: who,
  購買人手機: '0912345678',
  購買人Email: email,
  收件人: '收件的朋友',
  收件人手機: '0933444555',
  收件人地址: '新北市板橋區文化路一段 1 號',
  配送方式: '宅配',
  運費: 0,
  訂單總金額: total
})

/** 91APP 訂單匯出 (xlsx): one row per item (訂單編號 = sub-order), the 主單 cells repeated; the buyer (購買人) and a gift recipient (收件人). */
export const NINETYONE: ExportFixture = {
  file: '91APP_訂單_20241130.xlsx',
  format: 'xlsx',
  headers: NINETYONE_HEADERS,
  rows: [
    ...itemRows(
      ninetyOneOrder(
        'TG241101A00001',
        '張雅婷',
        'yating@example.com',
        '信用卡一次付清',
        '已付款',
        '2024/11/01 10:16',
        '2,380'
      ),
      [
        { 訂單編號: 'TS241101A000011', 商品名稱: '保濕乳液', 數量: 1, 商品單價: 1200, 商品小計: 1200 },
        { 訂單編號: 'TS241101A000012', 商品名稱: '化妝水', 數量: 2, 商品單價: 590, 商品小計: 1180 }
      ]
    ),
    ...itemRows(ninetyOneOrder('TG241102A00002', '黃志明', 'chihming@example.com', 'ATM轉帳', '未付款', '', '650'), [
      { 訂單編號: 'TS241102A000021', 商品名稱: '洗面乳', 數量: 1, 商品單價: 650, 商品小計: 650 }
    ]),
    ...itemRows(
      ninetyOneOrder('TG241103A00003', '張雅婷', 'yating@example.com', 'LINE Pay', '已付款', '2024/11/03 20:05', '590'),
      [{ 訂單編號: 'TS241103A000031', 商品名稱: '化妝水', 數量: 1, 商品單價: 590, 商品小計: 590 }]
    )
  ]
}

const cyberbizOrder = (
  no: string,
  who: string,
  email: string,
  pay: string,
  paid: string,
  paidAt: string,
  total: string
) => ({
  訂單編號: no,
  訂單日期: '2024-11-01 10:15',
  訂單狀態: '處理中',
  付款狀態: paid,
  付款方式: pay,
  付款時間: paidAt,
  訂購人姓名: who,
  訂購人Email: email,
  訂購人電話: '0912345678',
  收件人姓名: '送禮對象',
  收件人電話: '0955666777',
  收件人地址: '台中市西區公益路 2 號',
  配送方式: '宅配',
  運費: 0,
  訂單總金額: total,
  訂單總紅利換購點數: 0,
  可獲得紅利: 10,
  訂單備註: ''
})

/** CYBERBIZ 訂單匯出 as a Big5 CSV: one row per item, "NT$" amounts, 訂購人 (buyer) and 收件人 (recipient). */
export const CYBERBIZ: ExportFixture = {
  file: 'cyberbiz_orders.csv',
  format: 'csv-big5',
  headers: CYBERBIZ_HEADERS,
  rows: [
    ...itemRows(
      cyberbizOrder('#100231', '吳淑芬', 'shufen@example.com', '信用卡', '已付款', '2024-11-01 10:17', 'NT$1,580'),
      [
        { 商品名稱: '滴雞精', 商品款式: '10入', 數量: 1, 商品單價: 'NT$1,200', 小計: 'NT$1,200' },
        { 商品名稱: '枸杞', 商品款式: '300g', 數量: 2, 商品單價: 'NT$190', 小計: 'NT$380' }
      ]
    ),
    ...itemRows(cyberbizOrder('#100232', '鄭家豪', 'jiahao@example.com', '超商取貨付款', '未付款', '', 'NT$1,200'), [
      { 商品名稱: '滴雞精', 商品款式: '10入', 數量: 1, 商品單價: 'NT$1,200', 小計: 'NT$1,200' }
    ]),
    ...itemRows(
      cyberbizOrder('#100233', '吳淑芬', 'shufen@example.com', 'ATM 轉帳', '已退款', '2024-11-02 09:00', 'NT$380'),
      [{ 商品名稱: '枸杞', 商品款式: '300g', 數量: 2, 商品單價: 'NT$190', 小計: 'NT$380' }]
    )
  ]
}

/** momo 供應商後台 訂單 (xlsx with a title row): 民國-free dates (yyyy/mm/dd), one row per item, no buyer e-mail. */
export const MOMO: ExportFixture = {
  file: 'momo_order_20241101.xlsx',
  format: 'xlsx',
  headers: MOMO_HEADERS,
  titleRows: [['momo購物網 供應商訂單查詢'], ['查詢日期：2024/11/01 ~ 2024/11/30']],
  rows: [
    ...itemRows(
      {
        訂單編號: '20241101123456',
        訂單類別: '一般',
        轉單日: '2024/11/01',
        預計出貨日: '2024/11/03',
        訂購人姓名: '周文華',
        收件人姓名: '周文華',
        收件人電話: '0911222333',
        收件人地址: '高雄市苓雅區四維三路 2 號',
        配送方式: '宅配'
      },
      [
        { 品號: '8812345', 品名: '韓式泡菜 500g', 單品規格: '小辣', 數量: 2, '售價(含稅)': 299, '進價(含稅)': 210 },
        { 品號: '8812346', 品名: '海苔', 單品規格: '原味', 數量: 1, '售價(含稅)': 159, '進價(含稅)': 110 }
      ]
    ),
    ...itemRows(
      {
        訂單編號: '20241101123457',
        訂單類別: '一般',
        轉單日: '2024/11/01',
        訂購人姓名: '林安安',
        收件人姓名: '林安安',
        收件人電話: '0922111000',
        收件人地址: '新竹市東區光復路二段 101 號',
        配送方式: '超商',
        備註: '請週末送達'
      },
      [{ 品號: '8812345', 品名: '韓式泡菜 500g', 單品規格: '大辣', 數量: 1, '售價(含稅)': 299, '進價(含稅)': 210 }]
    )
  ]
}

const SHOPIFY_REPEATED = ['Name', 'Email', 'Created at', 'Currency', 'Financial Status', 'Fulfillment Status']
const shopifyOrder = (name: string, email: string, status: string, paidAt: string, total: string, buyer: string) => ({
  Name: name,
  Email: email,
  'Financial Status': status,
  'Paid at': paidAt,
  'Fulfillment Status': 'fulfilled',
  Currency: 'TWD',
  Subtotal: total,
  Shipping: '0.00',
  Taxes: '0.00',
  Total: total,
  'Created at': '2024-11-01 10:15:00 +0800',
  'Billing Name': buyer,
  'Billing Phone': '+886912345678',
  'Shipping Name': '王媽媽',
  'Shipping Address1': '中山路 1 號',
  'Shipping City': '臺南市',
  'Shipping Zip': '700',
  'Shipping Country': 'TW',
  'Shipping Phone': '+886933111222',
  'Payment Method': 'Shopify Payments',
  Source: 'web'
})

/** Shopify Orders → Export (UTF-8 CSV): order cells only on an order's first line item. */
export const SHOPIFY: ExportFixture = {
  file: 'orders_export_1.csv',
  format: 'csv-utf8',
  headers: SHOPIFY_HEADERS,
  rows: [
    ...firstRowOnly(
      shopifyOrder('#1001', 'ming@example.com', 'paid', '2024-11-01 10:15:30 +0800', '1590.00', '王小明'),
      [
        { 'Lineitem quantity': 1, 'Lineitem name': '帆布包', 'Lineitem price': '1200.00' },
        { 'Lineitem quantity': 3, 'Lineitem name': '徽章', 'Lineitem price': '130.00' }
      ],
      SHOPIFY_REPEATED
    ),
    ...firstRowOnly(
      shopifyOrder('#1002', 'hua@example.com', 'pending', '', '450.00', '陳大華'),
      [{ 'Lineitem quantity': 1, 'Lineitem name': '明信片組', 'Lineitem price': '450.00' }],
      SHOPIFY_REPEATED
    ),
    ...firstRowOnly(
      shopifyOrder('#1003', 'mei@example.com', 'refunded', '2024-11-02 12:00:00 +0800', '1200.00', '李美華'),
      [{ 'Lineitem quantity': 1, 'Lineitem name': '帆布包', 'Lineitem price': '1200.00' }],
      SHOPIFY_REPEATED
    )
  ]
}

/** Shopify export re-saved with zh-TW headers (xlsx). */
export const SHOPIFY_ZH: ExportFixture = {
  file: 'orders_export_zh.xlsx',
  format: 'xlsx',
  headers: SHOPIFY_ZH_HEADERS,
  rows: [
    {
      名稱: '#1001',
      電子郵件: 'ming@example.com',
      財務狀態: '已付款',
      付款時間: '2024-11-01 10:15',
      出貨狀態: '已出貨',
      幣別: 'TWD',
      總計: 'NT$1,590',
      建立時間: '2024-11-01 10:15',
      商品數量: 1,
      商品名稱: '帆布包',
      商品價格: 1200,
      帳單姓名: '王小明',
      運送姓名: '王媽媽',
      付款方式: 'Shopify Payments'
    },
    { 名稱: '#1001', 商品數量: 3, 商品名稱: '徽章', 商品價格: 130 },
    {
      名稱: '#1002',
      電子郵件: 'hua@example.com',
      財務狀態: '待處理',
      出貨狀態: '未出貨',
      幣別: 'TWD',
      總計: 'NT$450',
      建立時間: '2024-11-02 09:00',
      商品數量: 1,
      商品名稱: '明信片組',
      商品價格: 450,
      帳單姓名: '陳大華',
      付款方式: '信用卡'
    }
  ]
}

/** WooCommerce (WebToffee) CSV: one row per order, items in line_item_N. */
export const WOOCOMMERCE: ExportFixture = {
  file: 'order_export_2024-11-30.csv',
  format: 'csv-utf8',
  headers: WOOCOMMERCE_HEADERS,
  rows: [
    {
      order_id: 2101,
      order_number: 2101,
      order_date: '2024-11-01 10:15:00',
      status: 'completed',
      shipping_total: 60,
      order_total: '1,250',
      order_currency: 'TWD',
      payment_method: 'ecpay_credit',
      customer_id: 12,
      customer_email: 'ming@example.com',
      billing_first_name: '小明',
      billing_last_name: '王',
      billing_email: 'ming@example.com',
      billing_phone: '0912345678',
      paid_date: '2024-11-01 10:16:00',
      completed_date: '2024-11-03 18:00:00',
      line_item_1: 'name:帆布包|product_id:31|sku:BAG-1|quantity:1|total:1190',
      shipping_first_name: '媽媽',
      shipping_last_name: '王'
    },
    {
      order_id: 2102,
      order_number: 2102,
      order_date: '2024-11-02 11:00:00',
      status: 'on-hold',
      order_total: 450,
      order_currency: 'TWD',
      payment_method: 'bacs',
      customer_id: 0,
      billing_first_name: '大華',
      billing_last_name: '陳',
      billing_email: 'hua@example.com',
      line_item_1: 'name:明信片組|quantity:1|total:450'
    },
    {
      order_id: 2103,
      order_number: 2103,
      order_date: '2024-11-03 12:00:00',
      status: 'refunded',
      order_total: 890,
      order_currency: 'TWD',
      payment_method: 'stripe',
      customer_id: 15,
      customer_email: 'mei@example.com',
      billing_first_name: '美華',
      billing_last_name: '李',
      billing_email: 'mei@example.com',
      paid_date: '2024-11-03 12:01:00',
      line_item_1: 'name:徽章|quantity:2|total:260',
      line_item_2: 'name:帆布包|quantity:1|total:630'
    }
  ]
}

/** WooCommerce with a Chinese-language export plugin (Big5 CSV). */
export const WOOCOMMERCE_ZH: ExportFixture = {
  file: 'woo_訂單匯出.csv',
  format: 'csv-big5',
  headers: WOOCOMMERCE_ZH_HEADERS,
  rows: [
    {
      '訂單 ID': 3101,
      訂單編號: 3101,
      訂單日期: '2024/11/01 10:15',
      訂單狀態: '已完成',
      運費: 60,
      訂單總計: 'NT$1,250',
      幣別: 'TWD',
      付款方式: '信用卡',
      帳單名字: '小明',
      帳單姓氏: '王',
      帳單電子郵件: 'ming@example.com',
      付款日期: '2024/11/01 10:16'
    },
    {
      '訂單 ID': 3102,
      訂單編號: 3102,
      訂單日期: '2024/11/02 11:00',
      訂單狀態: '保留',
      訂單總計: 'NT$450',
      幣別: 'TWD',
      付款方式: 'ATM 轉帳',
      帳單名字: '大華',
      帳單姓氏: '陳',
      帳單電子郵件: 'hua@example.com'
    },
    {
      '訂單 ID': 3103,
      訂單編號: 3103,
      訂單日期: '2024/11/03 12:00',
      訂單狀態: '處理中',
      訂單總計: 'NT$890',
      幣別: 'TWD',
      付款方式: '貨到付款',
      帳單名字: '美華',
      帳單姓氏: '李',
      帳單電子郵件: 'mei@example.com',
      付款日期: ''
    }
  ]
}

/** ECPay 定期定額查詢 (Big5 CSV): a per-charge amount, a unit (M/Y) and a frequency. */
export const ECPAY: ExportFixture = {
  file: 'ECPay_定期定額_20241130.csv',
  format: 'csv-big5',
  headers: ECPAY_PERIODIC_HEADERS,
  rows: [
    {
      廠商訂單編號: 'SUB202401001',
      綠界訂單編號: '2401151000001234',
      訂單建立日期: '2024/01/15 10:00:00',
      商品名稱: '季繳咖啡豆訂閱',
      每次授權金額: '2,970',
      週期種類: 'M',
      執行頻率: 3,
      執行次數: 99,
      已授權成功次數: 4,
      廠商訂單狀態: '已授權',
      最後一筆授權: '成功',
      最後授權日期: '2024/10/15 10:00:05',
      下一次執行日: '2025/01/15',
      消費者姓名: '王小明',
      消費者電子信箱: 'ming@example.com',
      消費者手機: '0912345678'
    },
    {
      廠商訂單編號: 'SUB202402002',
      綠界訂單編號: '2402011000005678',
      訂單建立日期: '2024/02/01 09:30:00',
      商品名稱: '月繳花束',
      每次授權金額: '1,280',
      週期種類: 'M',
      執行頻率: 1,
      執行次數: 12,
      已授權成功次數: 10,
      廠商訂單狀態: '已授權',
      最後一筆授權: '成功',
      最後授權日期: '2024/11/01 09:30:02',
      下一次執行日: '2024/12/01',
      消費者姓名: '陳大華',
      消費者電子信箱: 'hua@example.com',
      消費者手機: '0922333444'
    },
    {
      廠商訂單編號: 'SUB202403003',
      綠界訂單編號: '2403201000009012',
      訂單建立日期: '2024/03/20 14:00:00',
      商品名稱: '年繳會員',
      每次授權金額: '12,000',
      週期種類: 'Y',
      執行頻率: 1,
      執行次數: 3,
      已授權成功次數: 1,
      廠商訂單狀態: '已授權',
      最後一筆授權: '成功',
      最後授權日期: '2024/03/20 14:00:03',
      下一次執行日: '2025/03/20',
      消費者姓名: '李美華',
      消費者電子信箱: 'mei@example.com',
      消費者手機: '0955666777'
    }
  ]
}

/** NewebPay 定期定額委託 (xlsx): a per-charge amount and a period word (每月 / 每季 / 每年). */
export const NEWEBPAY: ExportFixture = {
  file: 'NewebPay_委託單_202411.xlsx',
  format: 'xlsx',
  headers: NEWEBPAY_PERIODIC_HEADERS,
  rows: [
    {
      委託單號: 'P241101000001',
      商店訂單編號: 'NW001',
      委託狀態: '委託中',
      商品名稱: '季繳保養品',
      每期授權金額: 'NT$2,970',
      週期: '每季',
      授權期數: 8,
      已授權期數: 3,
      首期授權日: '2024-03-01',
      最近授權日: '2024-09-01',
      下期授權日: '2024-12-01',
      付款人姓名: '張雅婷',
      付款人信箱: 'yating@example.com',
      付款人電話: '0912345678'
    },
    {
      委託單號: 'P241101000002',
      商店訂單編號: 'NW002',
      委託狀態: '委託中',
      商品名稱: '月繳刊物',
      每期授權金額: 'NT$399',
      週期: '每月',
      授權期數: 12,
      已授權期數: 5,
      首期授權日: '2024-06-05',
      最近授權日: '2024-10-05',
      下期授權日: '2024-11-05',
      付款人姓名: '黃志明',
      付款人信箱: 'chihming@example.com',
      付款人電話: '0933444555'
    }
  ]
}

/** An ERP 訂單報表 (xlsx): company and report title rows, 民國 dates, amounts with thousands separators, no e-mail. */
export const ERP: ExportFixture = {
  file: '訂單明細表_11311.xlsx',
  format: 'xlsx',
  headers: ERP_HEADERS,
  titleRows: [
    ['好茶貿易股份有限公司'],
    ['訂單明細表'],
    ['日期區間：113/11/01 ~ 113/11/30', '', '', '', '', '', '', '', '列印日期：113/12/01']
  ],
  rows: [
    {
      單號: 'SO1131101001',
      日期: '113/11/01',
      客戶編號: 'C0001',
      客戶名稱: '大同茶行',
      統一編號: '12345678',
      未稅金額: '10,000',
      稅額: 500,
      金額: '10,500',
      業務員: '林業務'
    },
    {
      單號: 'SO1131105002',
      日期: '113/11/05',
      客戶編號: 'C0002',
      客戶名稱: '新光商號',
      統一編號: '87654321',
      未稅金額: '1,895',
      稅額: 95,
      金額: '1,990',
      業務員: '林業務',
      備註: '月結'
    },
    {
      單號: 'SO1131120003',
      日期: '113/11/20',
      客戶編號: 'C0001',
      客戶名稱: '大同茶行',
      統一編號: '12345678',
      未稅金額: '3,000',
      稅額: 150,
      金額: '3,150',
      業務員: '王業務'
    }
  ]
}

export const ALL_EXPORTS: Record<string, ExportFixture> = {
  'shopee.orders': SHOPEE,
  'shopee.orders.legacy': SHOPEE_LEGACY,
  'shopline.orders': SHOPLINE_ORDERS,
  'shopline.customers': SHOPLINE_CUSTOMERS,
  '91app.orders': NINETYONE,
  'cyberbiz.orders': CYBERBIZ,
  'momo.orders': MOMO,
  'shopify.orders': SHOPIFY,
  'shopify.orders.zh': SHOPIFY_ZH,
  'woocommerce.orders': WOOCOMMERCE,
  'woocommerce.orders.zh': WOOCOMMERCE_ZH,
  'ecpay.periodic': ECPAY,
  'newebpay.periodic': NEWEBPAY,
  'erp.orders': ERP
}
