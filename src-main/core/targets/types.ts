// What every destination declares. One destination = one file in this folder implementing Target.
// Its behaviour too (issue 9): uniqueness, row warnings, setting issues, push capabilities, pacing and connection test are
// members below, read by validation, the push plan, the CLI and the upload engine; no other layer branches on a target id.
// A new destination sets `service` (ZANGSHO_SERVICE / SHOPLINE_SERVICE from api-services.ts) and the optional members it needs.
import type { z } from 'zod'
import type Decimal from 'decimal.js'

export type TargetId =
  'zangsho.orders' | 'zangsho.customers' | 'zangsho.subscriptions' | 'shopline.orders' | 'zangsho.subscription_events'
export const TARGET_IDS: readonly TargetId[] = [
  'zangsho.orders',
  'zangsho.customers',
  'zangsho.subscriptions',
  'shopline.orders',
  'zangsho.subscription_events'
]

export type FieldType = 'string' | 'email' | 'money' | 'datetime' | 'enum' | 'currency' | 'integer' | 'phone' | 'number'

export interface Localized {
  'zh-TW': string
  en: string
}

export interface FieldDef {
  /** Payload path, e.g. 'order_no' or 'delivery_address.city' or 'items.name' for per-line fields. */
  key: string
  label: Localized
  help: Localized
  required: boolean
  type: FieldType
  enumValues?: readonly string[]
  /** Header synonyms (zh-TW and en) used by auto-mapping. */
  synonyms: readonly string[]
  /** SHOPLINE: the field belongs to a line item, not to the order. */
  perLine?: boolean
  /** Enum fields: which built-in value-synonym table suggests matches (core/mapping/value-synonyms matchEnumValue). */
  valueKind?: EnumValueKind
}

export type EnumValueKind =
  | 'status'
  | 'payment_method'
  | 'billing_cycle'
  | 'subscription_billing_cycle'
  | 'subscription_event_type'
  | 'subscription_status'

/** A normalized field value: text (emails, ISO UTC times, enum values…), a Decimal for money, a number for integers. */
export type FieldValue = string | number | boolean | Decimal
export type FieldValues = Readonly<Record<string, FieldValue | undefined>>

/** Grouped destinations: one order assembled from one or more source rows (order-level values + one line per row). */
export interface GroupedOrderInput {
  orderNo: string
  /** Order-level field values (first non-empty value across the group's rows). */
  order: FieldValues
  /** One line per row that has a unit price ('' name when the destination has no line name). */
  lines: { name: string; price: Decimal; quantity: number; total: Decimal }[]
  subtotal: Decimal
  /** The mapped order total, or else the sum of the lines. */
  total: Decimal
  /** No total could be found (the record is invalid): per-order payloads leave it out rather than send 0. */
  totalMissing?: boolean
  deliveryOptionId: string
  paymentMethodId: string
  /** Unmapped columns carried along (first non-empty value per column across the rows). */
  metadata?: Record<string, string>
  /** Order-level shipping and discounts (OrderLinesRule.adjustments), positive amounts; how shipping travels (ShippingChoice). */
  shipping?: Decimal
  discounts?: { name: string; amount: Decimal }[]
  shippingChoice?: ShippingChoice
}

/** Rows sharing Target.groupBy merge into one buildPayload record: first non-empty value per field, a disagreement warns. */
export interface MergeRowsRule {
  /** The group key ignores case and surrounding spaces (e-mails). */
  ignoreCase: boolean
  /** A datetime field never sent: when rows disagree, the most recent row's value wins (else the first row's). */
  latestBy?: string
  /** The ready count names the records (TargetView.countsCustomers): "N 位顧客 (from M rows)". */
  counts: 'customers'
  /** A row without the key but with this field: the error says why it cannot stand in for the key. */
  keyStandIn?: { field: string; why: Localized }
}

/** SHOPLINE shipping: a CustomProduct line (counts in revenue reports) or a note in order_remarks (does not). */
export interface ShippingChoice {
  mode: 'as-line' | 'in-remarks'
  /** Name of the shipping line (default 運費). */
  lineName?: string
}

/** Grouped destinations: where an order's lines and its total come from. */
export interface OrderLinesRule {
  /** Order-level money field: mapped → it is the total; unmapped → the sum of the line totals fills it. */
  totalField: string
  priceField: string
  quantityField: string
  /** Per-line total, checked against price × quantity when mapped. */
  lineTotalField?: string
  /** Per-line name: a line needs one (SHOPLINE). */
  nameField?: string
  /** A mapped total must equal the lines' sum (plus shipping, minus discounts when adjustments are declared). */
  totalMustMatchLines: boolean
  /** Order-level money beyond the lines: a shipping field and discount fields (each discount becomes its own line). */
  adjustments?: { shippingField: string; discountFields: readonly string[] }
}

/** How the upload engine talks to this destination. */
export interface TargetTransport {
  api: 'zangsho' | 'shopline'
  /** Path under the base URL, e.g. '/orders/batch'. */
  path: string
  /** 'batch': many items per request under batchKey; 'single': one body per request. */
  mode: 'batch' | 'single'
  batchKey?: 'orders' | 'customers' | 'subscriptions'
  maxBatch: number
  /** The documented default for on_conflict, when the endpoint has one. */
  defaultOnConflict?: 'skip' | 'update'
}

export interface Target {
  id: TargetId
  label: Localized
  fields: readonly FieldDef[]
  /** zod schema of one payload (one batch item, or the whole SHOPLINE request body), matching the documented request exactly. */
  payloadSchema: z.ZodType
  transport: TargetTransport
  /** Natural key of a payload: order_no, email, customer email; used for duplicates and reconciliation. */
  naturalKey(payload: Record<string, unknown>): string
  /** zod schema of the whole documented request body (batch body with on_conflict, or the SHOPLINE body). */
  requestSchema: z.ZodType
  /** Unmapped columns may be carried into payload.metadata (zangsho orders/customers). */
  supportsMetadata: boolean
  /** Shown above the mapping: what about this destination is inferred rather than documented. */
  notice?: Localized
  /** Row derivations and cross-row chain warnings of subscription events (zangsho-subscription-events-rules.ts). */
  eventRules?: true
  /** Per-row destinations: build one payload from normalized values (money as Decimal). */
  buildPayload?(values: FieldValues, metadata?: Record<string, string>): Record<string, unknown>
  /** Grouped destinations (SHOPLINE): rows sharing this field's value become one record. */
  groupBy?: string
  /** Grouped destinations: lines and total (see OrderLinesRule). */
  orderLines?: OrderLinesRule
  buildGroupPayload?(order: GroupedOrderInput): Record<string, unknown>
  /** Grouped per-row destinations (帳獸 customers from an order export): how rows sharing groupBy become one record. */
  mergeRows?: MergeRowsRule

  // ── Behaviour the other layers read from here (issue 9): never branch on a target id outside this folder. ──
  /** The API behind this destination (connection test, default pacing). Shared constant per API: ZANGSHO_SERVICE, SHOPLINE_SERVICE. */
  service: TargetService
  /** Cross-row rule (validation): at most one row per value of this field. Absent: rows may repeat (grouped targets use groupBy). */
  unique?: UniqueRule
  /** Row warnings (validation): a status whose date the destination fills with the API call time when the row has none. */
  stampedDates?: readonly StampedDate[]
  /** Sheet-level issues from the prepare settings, reported once on the first data row (e.g. SHOPLINE ids missing). */
  settingIssues?(settings: TargetSettings, columnOf: (field: string) => string | null): SettingIssue[]
  /** Ids the push profile must supply; without them the push plan is blocked with `missing` (SHOPLINE delivery/payment). */
  profileChoices?: ProfileChoices
  /** What the push may or must do besides sending the records. Absent members: the capability does not exist here. */
  push?: TargetPushCapabilities
  /** Push summary (push.preview): one payload's amount, currency (null: the store's own) and date. Absent: no amounts. */
  amountOf?(payload: Record<string, unknown>): PayloadAmount | null
}

/** What a push summary totals: the amount as sent (decimal text), its currency, and an ISO date to bucket by month. */
export interface PayloadAmount {
  amount: string
  currency: string | null
  date: string | null
}

/** One API (帳獸 or SHOPLINE), shared by all destinations on it. */
export interface TargetService {
  api: TargetTransport['api']
  /** Name shown in messages. */
  name: string
  /** Default gap between two requests (ms) when the profile sets none (--min-interval-ms overrides). */
  defaultMinIntervalMs: number
  /** Sliding windows the pacer stays under (documented rate limits, kept a little below). */
  rateWindows: readonly { max: number; windowMs: number }[]
  /** "Test connection": one cheap authenticated GET of this path; countsCustomers: its meta.total is the customer count shown. */
  connectionTest: { path: string; countsCustomers: boolean }
}

export interface UniqueRule {
  /** Field key whose value must be unique across rows. */
  field: string
  /** Issue code of the duplicate error. */
  code: string
  /** Compare case-insensitively (e-mails). */
  ignoreCase: boolean
  /** Message: 'value' = "this value is already on rows …"; 'one_per_customer' = one subscription per customer. */
  message: 'value' | 'one_per_customer'
}

export interface StampedDate {
  /** When the row's status is this value… */
  status: string
  /** …and this date field is empty, warn with this code (the destination would record the call time instead). */
  field: string
  code: string
}

/** The prepare settings a target's settingIssues reads (a subset of validation's PrepareSettings). */
export interface TargetSettings {
  shopline?: { deliveryOptionId?: string; paymentMethodId?: string }
}

/** A sheet-level issue without a row: validation places it on the first data row. */
export interface SettingIssue {
  field: string
  column: string | null
  severity: 'error' | 'warning'
  code: string
  message: Localized
}

export interface ProfileChoices {
  /** Push-profile settings every push needs. */
  keys: readonly ('deliveryOptionId' | 'paymentMethodId')[]
  /** Blocker shown by the push plan when one is missing. */
  missing: Localized
}

export interface TargetPushCapabilities {
  /** Webhooks mode (CLI --single, UI option): one POST per row to this path with X-Idempotency-Key instead of batches. */
  single?: { path: string }
  /**
   * Customers found in the rows are pushed first (customers batch, on_conflict=skip). 'optional': the user chooses it
   * (CLI --with-customers); 'always': the push needs them (customer_id resolution).
   */
  customersFirst?: { when: 'optional' | 'always'; path: string; maxBatch: number }
  /**
   * customer_id is resolved right before sending from the e-mail in emailField (PreparedRecord.resolve): the upload engine
   * looks the customer up, then sends apply(payload, { customer_id }).
   */
  resolveCustomerId?: {
    emailField: string
    apply(payload: Record<string, unknown>, resolved: { customer_id: number }): Record<string, unknown>
  }
  /**
   * One POST per row with no documented idempotency: reconciled through the list endpoint before any resend, an interrupted
   * send is `unknown`, and the profile's advanced setting named here may move the (inferred) create path.
   */
  eventsPhase?: { pathSetting: 'eventsPath' }
  /** A row that ended before the import (帳獸: a cancelled subscription) is created, then closed by one journaled request. */
  cancelAfterCreate?: CancelAfterCreate
}

/** The close-after-create step (PreparedRecord.cancel holds its body). Paths hold `{id}`: the id the batch answer gave. */
export interface CancelAfterCreate {
  method: 'PUT'
  /** e.g. '/subscriptions/{id}/cancel' */
  path: string
  /** GET of one record, read before resending a cancel whose answer was lost (never resent blindly). */
  readPath: string
  /** List filtered by the parent id, when the batch answer gave no id (e.g. '/subscriptions?customer_id={parent}'). */
  listPath: string
  /** The batch item's field naming the parent of listPath (customer_id). */
  parentField: string
  /** The request body for this row's values, or null when the row stays open (active). */
  body(values: FieldValues): Record<string, unknown> | null
  /** zod schema of the documented request body (exact). */
  requestSchema: z.ZodType
  /** Whether a record as read (the `data` object) is already closed, and when. */
  readClosed(record: unknown): { closed: boolean; at: string | null }
}

/** One record ready to send, produced by validation and consumed by the upload engine and the CLI. */
export interface PreparedRecord {
  /** Row number Excel shows for the (first) source row. */
  row: number
  /** Every source row (several for a grouped SHOPLINE order). */
  rows: number[]
  valid: boolean
  /** Exactly what would be sent: one batch element, or the whole SHOPLINE request body. */
  payload: Record<string, unknown>
  /** Natural key as the sheet gives it (order_no, email, SHOPLINE source order number). */
  key?: string
  /**
   * Values the upload engine must resolve right before sending (zangsho.subscriptions only).
   * customer_id.byEmail: look up the 帳獸 customer id for this email (GET /customers search, exact email match,
   * or the ids returned by a customers batch pushed first), then send applyResolution(payload, { customer_id })
   * from core/targets: it removes payload.customer_email and sets customer_id (integer). If no customer is found,
   * do not send the record: report "customer not found, import customers first".
   */
  resolve?: { customer_id: { byEmail: string } }
  /** Send after the record was created: the body of Target.push.cancelAfterCreate (a cancelled subscription's original date). */
  cancel?: Record<string, unknown>
}
