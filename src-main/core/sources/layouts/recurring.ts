// ECPay 綠界 「信用卡收單 → 定期定額查詢」 and NewebPay 藍新 定期定額 (委託) lists, exported from the merchant back office.
// Research: ECPay's help page support.ecpay.com.tw/?p=16214 「信用卡定期定額管理」 names the list's fields (授權金額,
// 扣款週期頻率: 週期=天/月/年 + 頻率, 授權次數, 已授權成功次數, 消費者手機/電子信箱, 下一次執行日) and the announcement
// ecpay.com.tw/Announcement/DetailAnnouncement?nID=4072 adds 「廠商訂單狀態」 and 「最後一筆授權」; the API names are
// PeriodAmount, PeriodType (D/M/Y), Frequency, ExecTimes. NewebPay's list mirrors its API (PeriodNo 委託單號, PeriodAmt,
// PeriodType D/W/M/Y, PeriodTimes). No public copy of either export's header row was found: the rows below are the
// best-known spelling of those fields. Both carry a per-charge amount and a period, so MRR and the billing cycle are
// DERIVED (unit × frequency → months), never read from one column.
import type { SourceLayout } from '../types'

const c = (column: string) => ({ column })

export const ECPAY_PERIODIC_HEADERS = [
  '廠商訂單編號',
  '綠界訂單編號',
  '訂單建立日期',
  '商品名稱',
  '每次授權金額',
  '週期種類',
  '執行頻率',
  '執行次數',
  '已授權成功次數',
  '廠商訂單狀態',
  '最後一筆授權',
  '最後授權日期',
  '下一次執行日',
  '消費者姓名',
  '消費者電子信箱',
  '消費者手機'
] as const

export const NEWEBPAY_PERIODIC_HEADERS = [
  '委託單號',
  '商店訂單編號',
  '委託狀態',
  '商品名稱',
  '每期授權金額',
  '週期',
  '授權期數',
  '已授權期數',
  '首期授權日',
  '最近授權日',
  '下期授權日',
  '付款人姓名',
  '付款人信箱',
  '付款人電話'
] as const

export const ECPAY_PERIODIC: SourceLayout = {
  id: 'ecpay.periodic',
  label: { 'zh-TW': '綠界 定期定額清單', en: 'ECPay recurring (定期定額) list' },
  citation:
    'support.ecpay.com.tw/?p=16214 and ecpay.com.tw/Announcement/DetailAnnouncement?nID=4072 (fields; no header row found)',
  headers: ECPAY_PERIODIC_HEADERS,
  fingerprint: {
    all: ['每次授權金額'],
    any: ['週期種類', '執行頻率', '執行次數', '綠界訂單編號', '廠商訂單編號'],
    minAny: 2
  },
  targets: {
    'zangsho.subscriptions': {
      mapping: {
        customer_email: c('消費者電子信箱'),
        started_at: c('訂單建立日期'),
        current_period_start: c('最後授權日期'),
        plan_name: c('商品名稱')
      },
      derived: {
        mrr: {
          kind: 'monthly_amount',
          amountColumn: '每次授權金額',
          unitColumn: '週期種類',
          frequencyColumn: '執行頻率'
        },
        billing_cycle: { kind: 'billing_cycle', unitColumn: '週期種類', frequencyColumn: '執行頻率' }
      }
    },
    'zangsho.customers': {
      mapping: { email: c('消費者電子信箱'), name: c('消費者姓名'), phone: c('消費者手機') },
      groupBy: 'email'
    }
  }
}

export const NEWEBPAY_PERIODIC: SourceLayout = {
  id: 'newebpay.periodic',
  label: { 'zh-TW': '藍新 定期定額清單', en: 'NewebPay recurring (定期定額) list' },
  citation:
    "No public header row found; fields as in NewebPay's 信用卡定期定額 API (PeriodNo, PeriodAmt, PeriodType, PeriodTimes).",
  headers: NEWEBPAY_PERIODIC_HEADERS,
  fingerprint: { all: ['委託單號'], any: ['每期授權金額', '授權期數', '委託狀態', '已授權期數'], minAny: 2 },
  targets: {
    'zangsho.subscriptions': {
      mapping: {
        customer_email: c('付款人信箱'),
        started_at: c('首期授權日'),
        current_period_start: c('最近授權日'),
        plan_name: c('商品名稱')
      },
      derived: {
        mrr: { kind: 'monthly_amount', amountColumn: '每期授權金額', unitColumn: '週期' },
        billing_cycle: { kind: 'billing_cycle', unitColumn: '週期' }
      }
    },
    'zangsho.customers': {
      mapping: { email: c('付款人信箱'), name: c('付款人姓名'), phone: c('付款人電話') },
      groupBy: 'email'
    }
  }
}
