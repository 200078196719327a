// A source layout: the export of one platform (Shopee, SHOPLINE, 91APP…), recognized from its header row.
// One layout = one file in this folder, declarative: fingerprint, mapping per destination, value matches, grouping.
import type { Localized, TargetId } from '../targets/types'
import type { Mapping, ValueMatches } from '../mapping/types'
import type { Derivation } from '../mapping/derivation-types'

export interface SourceTargetPlan {
  /** Field key → column / constant / derivation, exactly as a saved template holds it. */
  mapping: Mapping
  /** Field key → (source value → destination enum value), for values the generic synonyms would not find. */
  valueMatches?: ValueMatches
  /** Rows sharing this field's value are one record (one row per order item). */
  groupBy?: string
  /** Field key → a value computed from several columns (the derivation engine computes it; the layout only declares it). */
  derived?: Record<string, Derivation>
  /** Column → other spellings of that header the same export uses (older versions, languages), tried in order. */
  columnAlternatives?: Record<string, string[]>
}

export interface SourceLayout {
  /** Stable id used in `validate --json` (`source`), templates and sessions, e.g. 'shopee.orders'. */
  id: string
  /** Shown as 「已辨識：蝦皮 訂單匯出」. */
  label: Localized
  /** Where the header row was taken from (a parser's source file or a help page), for the next reader. */
  citation: string
  /** Recognition: every `all` header present (after header normalization), and at least `minAny` of `any`. */
  fingerprint: { all: string[]; any?: string[]; minAny?: number }
  /** The destinations this export can fill, with what the layout brings for each. */
  targets: Partial<Record<TargetId, SourceTargetPlan>>
  /** The researched header row (verbatim), used by the tests to build a fixture. */
  headers: readonly string[]
  /** Facts about data the export never has (e.g. Shopee exports no buyer e-mail), shown once per file. */
  lacks?: { field: string; why: Localized }[]
}
