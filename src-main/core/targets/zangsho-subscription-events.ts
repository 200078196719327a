// 帳獸 subscription events (訂閱事件, step 4 of the import guide; api §8): one POST per event, keyed by the customer's email.
// INFERRED (the documents show only the create page's labels): the JSON names come from the list response (GET
// /v1/subscriptions/events), the create path is taken to be the list's path, and a negative amount_change is allowed.
import { z } from 'zod'
import type { Target } from './types'
import { ZANGSHO_SERVICE } from './api-services'
import { isoUtc, keyOf, pickDefined, zangshoMoney } from './common'
import { ZANGSHO_CUSTOMERS_BATCH } from './zangsho-customers'

export const SUBSCRIPTION_EVENT_TYPES = ['created', 'upgrade', 'downgrade', 'cancel', 'reactivated'] as const
/** The documented list path; the create path is inferred to be the same (changeable per profile). */
export const SUBSCRIPTION_EVENTS_PATH = '/subscriptions/events'
/** A change may be negative (a downgrade): "-490.00". Inferred: the documents show only "490.00". */
export const zangshoSignedMoney = z
  .string()
  .regex(/^-?\d+\.\d{2}$/, 'money must be a string with 2 decimals, e.g. "490.00" or "-490.00"')

export const zangshoSubscriptionEventSchema = z.strictObject({
  customer_email: z.email(),
  event_type: z.enum(SUBSCRIPTION_EVENT_TYPES),
  occurred_at: isoUtc,
  amount_change: zangshoSignedMoney.optional(),
  old_amount: zangshoMoney.optional(),
  new_amount: zangshoMoney.optional(),
  old_plan: z.string().optional(),
  new_plan: z.string().optional()
})

const KEYS = [
  'customer_email',
  'event_type',
  'occurred_at',
  'amount_change',
  'old_amount',
  'new_amount',
  'old_plan',
  'new_plan'
]
const INFERRED_ZH = '(推測:帳獸文件只列出建立頁面的欄位名稱,JSON 名稱取自事件列表的回應。)'
const INFERRED_EN =
  " (Inferred: the 帳獸 documents show only the create page's labels; the JSON name comes from the events list response.)"

export const ZangshoSubscriptionEventsTarget: Target = {
  id: 'zangsho.subscription_events',
  label: { 'zh-TW': '帳獸 訂閱事件', en: 'Zangsho subscription events' },
  transport: { api: 'zangsho', path: SUBSCRIPTION_EVENTS_PATH, mode: 'single', maxBatch: 1 },
  payloadSchema: zangshoSubscriptionEventSchema,
  requestSchema: zangshoSubscriptionEventSchema,
  supportsMetadata: false,
  service: ZANGSHO_SERVICE,
  // An event names its customer by e-mail and 帳獸 refuses an unknown one: make sure they exist first, as subscriptions do.
  push: { eventsPhase: { pathSetting: 'eventsPath' }, customersFirst: { when: 'always', ...ZANGSHO_CUSTOMERS_BATCH } },
  eventRules: true,
  notice: {
    'zh-TW':
      '注意:帳獸文件只有「建立訂閱事件」頁面的欄位名稱與方法 POST。JSON 欄位名稱取自事件列表的回應,建立路徑推測為 POST /subscriptions/events(可在連線設定的進階設定修改),MRR 變化金額可為負數也是推測。送出時若路徑不對,工作會在第一筆就停下,不會送出其他資料。',
    en: "Note: the 帳獸 documents give only the create page's field labels and the method, POST. The JSON names come from the events list response; the create path POST /subscriptions/events is inferred (change it in the profile's advanced settings), and so is a negative MRR change. If the path is wrong the job stops at the first event and sends nothing else."
  },
  // customer + time + type: two rows with the same key describe the same event
  naturalKey: (p) => `${keyOf(p, 'customer_email', true)}|${keyOf(p, 'occurred_at')}|${keyOf(p, 'event_type')}`,
  buildPayload(values) {
    return pickDefined(values, KEYS, ['amount_change', 'old_amount', 'new_amount'])
  },
  fields: [
    {
      key: 'customer_email',
      type: 'email',
      required: true,
      label: { 'zh-TW': '客戶 Email', en: 'Customer email' },
      help: {
        'zh-TW': '事件屬於哪位客戶;請先匯入客戶。' + INFERRED_ZH,
        en: 'Whose event this is; import customers first.' + INFERRED_EN
      },
      synonyms: [
        '客戶 Email',
        '客戶Email',
        'Email',
        'E-mail',
        '電子郵件',
        '電子信箱',
        '信箱',
        '會員Email',
        '顧客Email',
        'Customer Email',
        'customer_email',
        'Subscriber Email'
      ]
    },
    {
      key: 'event_type',
      type: 'enum',
      required: false,
      enumValues: SUBSCRIPTION_EVENT_TYPES,
      valueKind: 'subscription_event_type',
      label: { 'zh-TW': '事件類型', en: 'Event type' },
      help: {
        'zh-TW':
          'created(新訂閱)、upgrade(升級)、downgrade(降級)、cancel(取消)、reactivated(恢復)。沒有對應時依金額變化的正負判斷升級或降級。' +
          INFERRED_ZH,
        en:
          'created, upgrade, downgrade, cancel, reactivated. When not mapped, the sign of the amount change decides upgrade or downgrade.' +
          INFERRED_EN
      },
      synonyms: [
        '事件類型',
        '事件',
        '類型',
        '異動類型',
        '變更類型',
        'Event Type',
        'event_type',
        'Event',
        'Type',
        'Change Type'
      ]
    },
    {
      key: 'occurred_at',
      type: 'datetime',
      required: true,
      label: { 'zh-TW': '事件發生時間', en: 'Occurred at' },
      help: {
        'zh-TW': '事件實際發生的時間(必填:少了它歷史就不正確)。' + INFERRED_ZH,
        en: 'When the event happened (required: without it the history is false).' + INFERRED_EN
      },
      synonyms: [
        '事件發生時間',
        '發生時間',
        '事件時間',
        '事件日期',
        '變更日期',
        '異動日期',
        '日期',
        'Occurred at',
        'occurred_at',
        'Event Date',
        'Date',
        'Changed At'
      ]
    },
    {
      key: 'amount_change',
      type: 'number',
      required: false,
      label: { 'zh-TW': 'MRR 變化金額', en: 'MRR change' },
      help: {
        'zh-TW':
          '變更後減變更前,降級為負數;沒有對應時自動計算。與前後金額不符時會標示錯誤。(推測:文件範例只有正數 "490.00"。)',
        en: 'New minus old; negative for a downgrade; computed when not mapped. An error when it disagrees with the old and new amounts. (Inferred: the documents show only "490.00".)'
      },
      synonyms: [
        'MRR 變化金額',
        'MRR變化金額',
        '變化金額',
        '金額變化',
        'MRR 變化',
        '差額',
        'MRR Change',
        'amount_change',
        'Amount Change',
        'Change',
        'Delta'
      ]
    },
    {
      key: 'old_amount',
      type: 'money',
      required: false,
      label: { 'zh-TW': '變更前金額', en: 'Old amount' },
      help: {
        'zh-TW': '變更前的每月金額,例如 990。' + INFERRED_ZH,
        en: 'Monthly amount before the change, e.g. 990.' + INFERRED_EN
      },
      synonyms: [
        '變更前金額',
        '原金額',
        '舊金額',
        '原 MRR',
        '變更前 MRR',
        'Old Amount',
        'old_amount',
        'Previous Amount',
        'Old MRR',
        'From Amount'
      ]
    },
    {
      key: 'new_amount',
      type: 'money',
      required: false,
      label: { 'zh-TW': '變更後金額', en: 'New amount' },
      help: {
        'zh-TW': '變更後的每月金額;取消時為 0。' + INFERRED_ZH,
        en: 'Monthly amount after the change; 0 on cancel.' + INFERRED_EN
      },
      synonyms: ['變更後金額', '新金額', '變更後 MRR', '新 MRR', 'New Amount', 'new_amount', 'New MRR', 'To Amount']
    },
    {
      key: 'old_plan',
      type: 'string',
      required: false,
      label: { 'zh-TW': '變更前方案', en: 'Old plan' },
      help: { 'zh-TW': '例如 Basic Plan。' + INFERRED_ZH, en: 'e.g. Basic Plan.' + INFERRED_EN },
      synonyms: ['變更前方案', '原方案', '舊方案', 'Old Plan', 'old_plan', 'Previous Plan', 'From Plan']
    },
    {
      key: 'new_plan',
      type: 'string',
      required: false,
      label: { 'zh-TW': '變更後方案', en: 'New plan' },
      help: { 'zh-TW': '例如 Pro Plan。' + INFERRED_ZH, en: 'e.g. Pro Plan.' + INFERRED_EN },
      synonyms: ['變更後方案', '新方案', 'New Plan', 'new_plan', 'To Plan', 'Plan']
    }
  ]
}
