// The shop's own SHOPLINE delivery options and payment methods, each marked usable for imports or not, with why.
import type { Msg } from './messages'
import type { Profile } from './profile-schema'
import { DEFAULT_TIMEOUT_MS, authedGet, type ConnectionResult } from './connection-http'

export interface ShoplineOption {
  id: string
  name: string
  usable: boolean
  why?: Msg
  /** region_type (delivery) or type (payment) as SHOPLINE reports it */
  kind?: string
  status?: string
  /** ids of the other list this one cannot be combined with (excluded_payment_ids / excluded_delivery_option_ids) */
  excludes?: string[]
}
export interface ShoplineOptions {
  deliveryOptions: ShoplineOption[]
  paymentMethods: ShoplineOption[]
}

/** Fetching a list failed; result holds the same plain message "Test connection" would show. */
export class ShoplineOptionsError extends Error {
  constructor(readonly result: ConnectionResult) {
    super(result.message.en)
    this.name = 'ShoplineOptionsError'
  }
}

const PER_PAGE = 50
const MAX_PAGES = 20

type Item = Record<string, unknown>

function displayName(item: Item): string {
  const tr = item.name_translations as Record<string, unknown> | undefined
  for (const key of ['zh-hant', 'zh-TW', 'zh_tw', 'en']) {
    if (tr && typeof tr[key] === 'string' && tr[key]) return tr[key] as string
  }
  const any = tr && Object.values(tr).find((v) => typeof v === 'string' && v)
  return (any as string | undefined) ?? (typeof item.name === 'string' ? item.name : String(item.id))
}

function idList(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.length ? v.map(String) : undefined
}

const NOT_CUSTOM_DELIVERY: Msg = {
  'zh-TW':
    '只能用「自訂」類型的送貨方式：SHOPLINE 的建立訂單 API 不接受串接第三方物流（如 7-11、全家、黑貓、順豐）的送貨方式，' +
    '官方也建議歷史匯入使用專用的自訂送貨方式。請在 SHOPLINE 後台新增一個自訂送貨方式（例如「歷史訂單匯入」）。',
  en:
    "Only custom delivery options can be used: SHOPLINE's create-order API rejects delivery options backed by third-party " +
    'logistics (7-11, FamilyMart, SF Express…), and its FAQ advises a dedicated custom option for historical imports. ' +
    'Add a custom delivery option (e.g. "Historical import") in the SHOPLINE admin.'
}
/** SHOPLINE's own, non-custom kinds: Create Order would take them, but they carry meaning a historical order lacks. */
const OWN_DELIVERY_KINDS = new Set(['store_pickup', 'pos', 'local'])
const OWN_PAYMENT_KINDS = new Set(['bank_transfer', 'cash_on_delivery', 'free_checkout'])
const OWN_BUT_NOT_CUSTOM: Msg = {
  'zh-TW':
    '這是 SHOPLINE 內建的類型，不是「自訂」類型。OrderDock 只用自訂類型匯入歷史訂單：官方 FAQ 建議使用專用的自訂送貨與付款方式，' +
    '後台與顧客看到的訂單才不會被誤解（例如門市取貨、貨到付款、銀行轉帳會帶出取貨或付款說明）。',
  en:
    'This is a built-in SHOPLINE kind, not a custom one. OrderDock imports historical orders with custom kinds only: the ' +
    'SHOPLINE FAQ advises a dedicated custom delivery option and payment method so the admin and customer views are not ' +
    'misleading (store pickup, cash on delivery or bank transfer bring their own pickup or payment instructions).'
}
const SL_LOGISTIC: Msg = {
  'zh-TW': '這個送貨方式使用 SHOPLINE 物流計費（sl_logistic），屬於串接物流，建立訂單 API 不接受。',
  en: 'This delivery option is billed through SHOPLINE logistics (sl_logistic), an integrated carrier the create-order API rejects.'
}
const SHOPLINE_PAYMENTS: Msg = {
  'zh-TW': 'SHOPLINE Payments 不能用於 API 建立的訂單（官方文件明列不支援）。請改用自訂付款方式。',
  en: 'SHOPLINE Payments cannot be used for orders created through the API (the documents say so). Use a custom payment method.'
}
const NOT_CUSTOM_PAYMENT: Msg = {
  'zh-TW':
    '只能用「自訂」類型的付款方式：SHOPLINE 的建立訂單 API 不接受第三方金流與 SHOPLINE Payments，' +
    '官方也建議歷史匯入使用專用的自訂付款方式。請在 SHOPLINE 後台新增一個自訂付款方式（例如「歷史訂單匯入」）。',
  en:
    "Only custom payment methods can be used: SHOPLINE's create-order API rejects third-party payment gateways and " +
    'SHOPLINE Payments, and its FAQ advises a dedicated custom method for historical imports. ' +
    'Add a custom payment method (e.g. "Historical import") in the SHOPLINE admin.'
}

/** A delivery option is usable only if it is a custom kind not billed by SHOPLINE logistics. */
export function judgeDelivery(item: Item): ShoplineOption {
  const kind = typeof item.region_type === 'string' ? item.region_type : undefined
  const base = {
    id: String(item.id),
    name: displayName(item),
    kind,
    status: typeof item.status === 'string' ? item.status : undefined,
    excludes: idList(item.excluded_payment_ids)
  }
  if (item.fee_type === 'sl_logistic') return { ...base, usable: false, why: SL_LOGISTIC }
  if (kind && OWN_DELIVERY_KINDS.has(kind)) return { ...base, usable: false, why: OWN_BUT_NOT_CUSTOM }
  if (kind !== 'custom') return { ...base, usable: false, why: NOT_CUSTOM_DELIVERY }
  return { ...base, usable: true }
}

/** A payment method is usable only if its type is custom. */
export function judgePayment(item: Item): ShoplineOption {
  const kind = typeof item.type === 'string' ? item.type : undefined
  const base = {
    id: String(item.id),
    name: displayName(item),
    kind,
    status: typeof item.status === 'string' ? item.status : undefined,
    excludes: idList(item.excluded_delivery_option_ids)
  }
  if (kind === 'custom') return { ...base, usable: true }
  if (kind && /^(shopline_payment|sl_payment)/.test(kind)) return { ...base, usable: false, why: SHOPLINE_PAYMENTS }
  if (kind && OWN_PAYMENT_KINDS.has(kind)) return { ...base, usable: false, why: OWN_BUT_NOT_CUSTOM }
  return { ...base, usable: false, why: NOT_CUSTOM_PAYMENT }
}

async function fetchAll(
  profile: Profile,
  token: string,
  path: string,
  fetchFn: typeof globalThis.fetch
): Promise<Item[]> {
  const items: Item[] = []
  for (let page = 1; page <= MAX_PAGES; page++) {
    const got = await authedGet(
      profile,
      token,
      `${path}?page=${page}&per_page=${PER_PAGE}`,
      fetchFn,
      DEFAULT_TIMEOUT_MS,
      'shopline'
    )
    if (!got.ok) throw new ShoplineOptionsError(got.result)
    const body = got.body as { items?: unknown; pagination?: { total_pages?: unknown } }
    const pageItems = Array.isArray(body.items) ? (body.items.filter((x) => x && typeof x === 'object') as Item[]) : []
    items.push(...pageItems)
    const totalPages = typeof body.pagination?.total_pages === 'number' ? body.pagination.total_pages : page
    if (page >= totalPages || pageItems.length === 0) break
  }
  return items
}

/** GET /delivery_options and /payments (all pages, bounded); throws ShoplineOptionsError with a plain message. */
export async function listShoplineOptions(
  profile: Profile,
  token: string,
  fetchFn: typeof globalThis.fetch
): Promise<ShoplineOptions> {
  const delivery = await fetchAll(profile, token, '/delivery_options', fetchFn)
  const payments = await fetchAll(profile, token, '/payments', fetchFn)
  return { deliveryOptions: delivery.map(judgeDelivery), paymentMethods: payments.map(judgePayment) }
}
