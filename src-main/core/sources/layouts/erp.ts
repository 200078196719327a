// A generic Taiwanese ERP sales/order report (鼎新, 正航, 文中 … all print much the same columns).
// Research found no public header row of any one ERP's report; this is the best-known common layout. Versions differ
// in a few names (單號 / 訂單編號 / 銷貨單號, 金額 / 總金額 / 含稅金額), listed as columnAlternatives.
// ERP reports carry the customer's company name, not an e-mail.
import type { SourceLayout } from '../types'

const c = (column: string) => ({ column })

export const ERP_HEADERS = [
  '單號',
  '日期',
  '客戶編號',
  '客戶名稱',
  '統一編號',
  '未稅金額',
  '稅額',
  '金額',
  '業務員',
  '備註'
] as const

const ALTERNATIVES = {
  單號: ['訂單編號', '銷貨單號', '訂單號碼'],
  金額: ['總金額', '含稅金額', '合計'],
  日期: ['單據日期', '訂單日期']
}

export const ERP_ORDERS: SourceLayout = {
  id: 'erp.orders',
  label: { 'zh-TW': 'ERP 訂單報表', en: 'ERP order report' },
  citation: 'No public header row found; best-known common layout of Taiwanese ERP order reports.',
  headers: ERP_HEADERS,
  fingerprint: {
    all: ['客戶名稱', '稅額'],
    any: ['單號', '訂單編號', '銷貨單號', '未稅金額', '統一編號', '客戶編號'],
    minAny: 2
  },
  targets: {
    'zangsho.orders': {
      mapping: { order_no: c('單號'), amount: c('金額'), customer_name: c('客戶名稱') },
      columnAlternatives: ALTERNATIVES
    },
    'zangsho.customers': {
      mapping: { name: c('客戶名稱'), external_id: c('客戶編號') },
      columnAlternatives: ALTERNATIVES,
      groupBy: 'external_id'
    }
  },
  lacks: [
    {
      field: 'customer_email',
      why: {
        'zh-TW': 'ERP 報表通常沒有客戶 Email；請另外提供或以固定值補上。',
        en: 'ERP reports usually carry no customer e-mail; add one or give a constant.'
      }
    },
    {
      field: 'email',
      why: {
        'zh-TW': 'ERP 報表通常沒有客戶 Email；帳獸顧客必須有 Email，請以另一份顧客名單補上。',
        en: 'ERP reports usually carry no customer e-mail; 帳獸 customers need one: join a customer list.'
      }
    }
  ]
}
