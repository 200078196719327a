// What every destination declares. One destination = one file in this folder implementing Target.
import type { z } from 'zod'

export type TargetId = 'zangsho.orders' | 'zangsho.customers' | 'zangsho.subscriptions' | 'shopline.orders'
export const TARGET_IDS: readonly TargetId[] = ['zangsho.orders', 'zangsho.customers', 'zangsho.subscriptions', 'shopline.orders']

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
}
