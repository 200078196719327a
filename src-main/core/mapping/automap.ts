// Auto-match source columns to a destination's fields: normalized headers, synonyms, then a fuzzy fallback.
import type { FieldDef, Target } from '../targets/types'
import type { AutoMapResult, ColumnMatch, Mapping, MappingProblem } from './types'
import { isColumnEntry, isConstantEntry, isDeriveEntry } from './types'
import { cleanHeader } from './header-clean'
import { columnSide, preferredNote, wantsBuyerSide, type ColumnSide } from './column-side'
import { derivationColumns } from './derive'
import { derivationProblems } from './derive-check'

/** Fuzzy matches below this bigram similarity are ignored (0.78 keeps "Refunded Amount" away from refunded_at). */
export const FUZZY_THRESHOLD = 0.78
/** A synonym contained in a header counts when it is at least this share of the header ("訂單金額" in "訂單金額含稅"). */
const CONTAINMENT_MIN = 0.6

/**
 * Header cleaning (units and notes in brackets, line breaks: see cleanHeader), then case-fold and drop spaces and
 * punctuation: "Order No." → "orderno", "訂單 編號" → "訂單編號", "訂單小計 (TWD)" → "訂單小計".
 */
export function normalizeHeader(s: string): string {
  return cleanHeader(s)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

/** A recipient or line-item column loses this much when it competes for a buyer/order field (see column-side). */
const OTHER_SIDE_PENALTY = 0.12

function bigrams(s: string): Set<string> {
  const out = new Set<string>()
  if (s.length === 1) out.add(s)
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2))
  return out
}

/** Dice coefficient over character bigrams: 1 for equal strings, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1
  const A = bigrams(a)
  const B = bigrams(b)
  if (A.size === 0 || B.size === 0) return 0
  let common = 0
  for (const g of A) if (B.has(g)) common++
  return (2 * common) / (A.size + B.size)
}

interface Candidate {
  text: string
  grams: Set<string>
  score: number
  reason: ColumnMatch['reason']
}

const candidateCache = new WeakMap<FieldDef, Candidate[]>()

/** The names a field answers to, best first: its API key (exact), then labels and synonyms (earlier = preferred). */
function candidatesOf(field: FieldDef): Candidate[] {
  const cached = candidateCache.get(field)
  if (cached) return cached
  const list: Candidate[] = []
  const seen = new Set<string>()
  const add = (raw: string, score: number, reason: ColumnMatch['reason']) => {
    const text = normalizeHeader(raw)
    if (text === '' || seen.has(text)) return
    seen.add(text)
    list.push({ text, grams: bigrams(text), score, reason })
  }
  add(field.key, 1, 'exact')
  if (field.key.startsWith('delivery_address.')) add(field.key.slice('delivery_address.'.length), 1, 'exact')
  add(field.label['zh-TW'], 0.96, 'synonym')
  add(field.label.en, 0.96, 'synonym')
  field.synonyms.forEach((s, i) => add(s, 0.95 - Math.min(i, 40) * 0.001, 'synonym'))
  candidateCache.set(field, list)
  return list
}

/** Best way this header names this field, or null. */
export function scoreHeader(
  field: FieldDef,
  header: string
): { confidence: number; reason: ColumnMatch['reason'] } | null {
  const h = normalizeHeader(header)
  if (h === '') return null
  let best: { confidence: number; reason: ColumnMatch['reason'] } | null = null
  const hg = bigrams(h)
  for (const c of candidatesOf(field)) {
    if (c.text === h) {
      if (!best || c.score > best.confidence) best = { confidence: c.score, reason: c.reason }
      continue
    }
    let common = 0
    for (const g of hg) if (c.grams.has(g)) common++
    let sim = (2 * common) / (hg.size + c.grams.size)
    // A header that is a known name plus a note, e.g. "訂單金額(含稅)": count containment when the name is most of it.
    const ratio = c.text.length / h.length
    if (ratio >= CONTAINMENT_MIN && c.text.length >= 2 && h.includes(c.text)) sim = Math.max(sim, 0.6 + 0.4 * ratio)
    if (sim >= FUZZY_THRESHOLD) {
      const confidence = Math.round(sim * 0.9 * 100) / 100
      if (!best || confidence > best.confidence) best = { confidence, reason: 'fuzzy' }
    }
  }
  return best
}

/**
 * Propose a mapping. Every (field, column) pair is scored; pairs are taken best first and a column or field already
 * taken is skipped, so one column never feeds two fields: the best field wins, the others stay unmapped.
 */
export function autoMap(target: Target, headers: readonly string[]): AutoMapResult {
  type Pair = {
    field: FieldDef
    fi: number
    column: string
    ci: number
    confidence: number
    reason: ColumnMatch['reason']
    side: ColumnSide | null
  }
  const pairs: Pair[] = []
  target.fields.forEach((field, fi) => {
    const buyer = wantsBuyerSide(field)
    headers.forEach((column, ci) => {
      const s = scoreHeader(field, column)
      if (!s) return
      const side = buyer ? columnSide(column) : null
      const confidence = side ? Math.round((s.confidence - OTHER_SIDE_PENALTY) * 100) / 100 : s.confidence
      pairs.push({ field, fi, column, ci, confidence, reason: s.reason, side })
    })
  })
  pairs.sort((a, b) => b.confidence - a.confidence || a.fi - b.fi || a.ci - b.ci)
  const usedFields = new Set<string>()
  const usedColumns = new Set<string>()
  const matches: ColumnMatch[] = []
  for (const p of pairs) {
    if (usedFields.has(p.field.key) || usedColumns.has(p.column)) continue
    usedFields.add(p.field.key)
    usedColumns.add(p.column)
    const match: ColumnMatch = { field: p.field.key, column: p.column, confidence: p.confidence, reason: p.reason }
    // Say why, when a buyer/order column beat a recipient or line-item column that named the field as well.
    const rival = p.side ? undefined : pairs.find((q) => q.field === p.field && q.side && q.column !== p.column)
    if (rival?.side) match.note = preferredNote(p.column, rival.column, rival.side)
    matches.push(match)
  }
  const order = new Map(target.fields.map((f, i) => [f.key, i]))
  matches.sort((a, b) => (order.get(a.field) ?? 0) - (order.get(b.field) ?? 0))
  const mapping: Mapping = {}
  for (const m of matches) mapping[m.field] = { column: m.column }
  const unmappedRequired = target.fields.filter((f) => f.required && !usedFields.has(f.key)).map((f) => f.key)
  return { mapping, matches, unmappedRequired }
}

/** Columns no field reads: the candidates for carrying into metadata. */
export function unmappedColumns(mapping: Mapping, headers: readonly string[]): string[] {
  const used = new Set(
    Object.values(mapping).flatMap((e) =>
      isColumnEntry(e) ? [e.column] : isDeriveEntry(e) ? derivationColumns(e.derive) : []
    )
  )
  return headers.filter((h) => !used.has(h))
}

/** Check a mapping (e.g. from --mapping FILE.json or the UI) against the destination and the sheet's headers. */
export function validateMapping(target: Target, mapping: Mapping, headers: readonly string[]): MappingProblem[] {
  const problems: MappingProblem[] = []
  const fields = new Map(target.fields.map((f) => [f.key, f]))
  const headerSet = new Set(headers)
  const byColumn = new Map<string, string[]>()
  for (const [key, entry] of Object.entries(mapping)) {
    if (!fields.has(key)) {
      problems.push({
        code: 'unknown_field',
        severity: 'error',
        field: key,
        column: null,
        message: `"${key}" is not a field of ${target.id}. Remove it from the mapping. Fields: ${[...fields.keys()].join(', ')}.`,
        messageZh: `「${key}」不是 ${target.id} 的欄位，請從對應中移除。可用欄位：${[...fields.keys()].join('、')}。`
      })
      continue
    }
    if (isColumnEntry(entry)) {
      if (!headerSet.has(entry.column)) {
        problems.push({
          code: 'unknown_column',
          severity: 'error',
          field: key,
          column: entry.column,
          message: `Field "${key}" is mapped to column "${entry.column}", which is not in the sheet. Pick one of its columns.`,
          messageZh: `欄位「${key}」對應到「${entry.column}」，但工作表沒有這一欄，請改選表中的欄位。`
        })
      }
      byColumn.set(entry.column, [...(byColumn.get(entry.column) ?? []), key])
    } else if (isDeriveEntry(entry)) {
      problems.push(...derivationProblems(fields.get(key)!, entry.derive, headerSet))
    } else if (!isConstantEntry(entry)) {
      problems.push({
        code: 'bad_entry',
        severity: 'error',
        field: key,
        column: null,
        message: `Field "${key}" must map to {"column": "<header>"}, {"constant": <value>} or {"derive": {...}}.`,
        messageZh: `欄位「${key}」的對應必須是 {"column": "<欄名>"}、{"constant": <值>} 或 {"derive": {...}}。`
      })
    }
  }
  for (const [column, keys] of byColumn) {
    if (keys.length < 2) continue
    problems.push({
      code: 'column_used_twice',
      severity: 'warning',
      field: keys.join(','),
      column,
      message: `Column "${column}" feeds ${keys.length} fields (${keys.join(', ')}). Check this is intended.`,
      messageZh: `「${column}」這一欄同時對應到 ${keys.length} 個欄位(${keys.join('、')}),請確認是否正確。`
    })
  }
  for (const f of target.fields) {
    if (f.required && !mapping[f.key] && !filledByLines(target, f.key, mapping)) {
      problems.push({
        code: 'required_unmapped',
        severity: 'error',
        field: f.key,
        column: null,
        message: `Required field "${f.label.en}" (${f.key}) has no column. Map a column to it or give a constant.`,
        messageZh: `必填欄位「${f.label['zh-TW']}」(${f.key})尚未對應，請選一個欄位或填入固定值。`
      })
    }
  }
  return problems
}

/** Grouped orders: an unmapped order total is the sum of the lines when the unit price is mapped. */
function filledByLines(target: Target, key: string, mapping: Mapping): boolean {
  const rule = target.orderLines
  return !!rule && rule.totalField === key && !!mapping[rule.priceField]
}
