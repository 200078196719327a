// Derived fields: a field computed from several source columns, declared as data so templates and layouts can carry it.
// A mapping entry may be { derive: Derivation } (see MappingEntry in ./types). Columns are named by header text.

/** 月×1 monthly, 月×3 quarterly, 月×6 semi-annual, 年×1 yearly; anything else is an error, never a guess. */
export interface BillingCycleDerivation {
  kind: 'billing_cycle'
  /** Column holding the period unit (月 / 年 / month / year / 週 …). */
  unitColumn: string
  /** Column holding how many units per charge (1, 3, 6 …); absent means 1. */
  frequencyColumn?: string
}

/** MRR = per-charge amount ÷ months in the cycle (from unit × frequency), decimal.js, rounded half-up to 2 decimals. */
export interface MonthlyAmountDerivation {
  kind: 'monthly_amount'
  amountColumn: string
  unitColumn: string
  frequencyColumn?: string
}

/** Amount from its parts, e.g. subtotal + shipping − discount (decimal.js; empty parts count as 0). */
export interface SumDerivation {
  kind: 'sum'
  add: string[]
  subtract: string[]
}

/**
 * A destination enum from a status column together with a payment-method column.
 * Rules are tried in order; a rule without `payment` matches any payment value. Values compare after cleaning (NFKC, trim).
 * Example: 待出貨 + 貨到付款 → pending; 待出貨 + anything else → paid.
 */
export interface StatusByPaymentDerivation {
  kind: 'status_by_payment'
  statusColumn: string
  paymentColumn: string
  rules: { status: string[]; payment?: string[]; result: string }[]
}

export type Derivation = BillingCycleDerivation | MonthlyAmountDerivation | SumDerivation | StatusByPaymentDerivation

/** The mapping screen's view of one derived field: the rule in words and its result on the first few rows. */
export interface DerivedFieldPreview {
  field: string
  derivation: Derivation
  text: { 'zh-TW': string; en: string }
  samples: { row: number; ok: boolean; text: { 'zh-TW': string; en: string } }[]
}
