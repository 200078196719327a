// Matching a source value to a destination enum value when exports decorate it: a gateway in brackets
// ("信用卡（SHOPLINE Payments）"), joined words ("信用卡/金融卡"), a longer name ("信用卡分期付款").
// Every suggestion carries a confidence; two equally good destination values means no suggestion (never a guess);
// a value that has no equivalent at the destination (貨到付款, ShopeePay) says so.
import type { Msg } from './normalized'
import { LOOKUP_WORDS, normalizeEnumText, type EnumKind } from './value-synonyms'

export interface EnumMatch {
  value: string | null
  /** 1 = an api value or built-in synonym; lower for bracket-stripped, joined or contained words; 0 when none. */
  confidence: number
  how: 'exact' | 'bracket' | 'joined' | 'contains' | 'tie' | 'no_equivalent' | 'none'
  /** For 'tie': the destination values that matched equally well. */
  candidates?: string[]
}

/** Payment methods 帳獸 cannot record: collected on delivery, wallets it has no value for, Shopify's "manual" (cash or transfer noted by hand). */
const NO_EQUIVALENT: Partial<Record<EnumKind, readonly string[]>> = {
  payment_method: [
    '貨到付款',
    '取貨付款',
    '超商取貨付款',
    '貨到付現',
    '宅配貨到付款',
    'cod',
    'cash on delivery',
    'ShopeePay',
    '蝦皮錢包',
    '蝦皮支付',
    'PayPal',
    'manual',
    '現金',
    '現金付款',
    'Google Pay',
    '全支付',
    '悠遊付',
    '一卡通 Money',
    'Pi 拍錢包',
    'afterpay',
    '銀角零卡',
    'AFTEE'
  ]
}
const NO_EQUIVALENT_KEYS = new Map<EnumKind, string[]>(
  Object.entries(NO_EQUIVALENT).map(([k, words]) => [k as EnumKind, words!.map(normalizeEnumText)])
)

// Only payment methods are matched by containment: for statuses, "未完成" contains "完成" and means the opposite.
const CONTAINMENT_KINDS = new Set<EnumKind>(['payment_method'])
const JOINERS = /[/／、,，+＋&]|\s+or\s+|或|及|與/i

function exact(kind: EnumKind, raw: string): string | null {
  const key = normalizeEnumText(raw)
  return key === '' ? null : (LOOKUP_WORDS.get(kind)?.get(key) ?? null)
}

function noEquivalent(kind: EnumKind, key: string): boolean {
  const words = NO_EQUIVALENT_KEYS.get(kind) ?? []
  return words.some((w) => w === key || (w.length >= 4 && key.includes(w))) // short words (cod, 現金) only exactly
}

/** The destination value a decorated source value stands for, with how sure we are. */
export function matchEnumDetailed(kind: EnumKind, raw: string): EnumMatch {
  const text = String(raw ?? '')
    .normalize('NFKC')
    .trim()
  const direct = exact(kind, text)
  if (direct) return { value: direct, confidence: 1, how: 'exact' }
  const key = normalizeEnumText(text)
  if (key === '') return { value: null, confidence: 0, how: 'none' }
  if (noEquivalent(kind, key)) return { value: null, confidence: 0, how: 'no_equivalent' }
  const unbracketed = text.replace(/\([^()]*\)|\[[^[\]]*\]|【[^【】]*】/g, ' ').trim()
  if (unbracketed !== text && unbracketed !== '') {
    const v = exact(kind, unbracketed)
    if (v) return { value: v, confidence: 0.9, how: 'bracket' }
  }
  const parts = unbracketed
    .split(JOINERS)
    .map((p) => p.trim())
    .filter(Boolean)
  if (parts.length > 1) {
    const found = new Set(parts.map((p) => exact(kind, p)).filter((v): v is string => v !== null))
    if (found.size === 1) return { value: [...found][0], confidence: 0.85, how: 'joined' }
    if (found.size > 1) return { value: null, confidence: 0, how: 'tie', candidates: [...found].sort() }
  }
  if (!CONTAINMENT_KINDS.has(kind)) return { value: null, confidence: 0, how: 'none' }
  // The longest built-in word contained in the value decides; two different values at that length is a tie.
  const bare = normalizeEnumText(unbracketed)
  let bestLen = 0
  const best = new Set<string>()
  for (const [word, api] of LOOKUP_WORDS.get(kind) ?? []) {
    if (word.length < 2 || !bare.includes(word)) continue
    if (word.length > bestLen) {
      bestLen = word.length
      best.clear()
    }
    if (word.length === bestLen) best.add(api)
  }
  if (best.size === 1)
    return {
      value: [...best][0],
      confidence: Math.round((0.6 + 0.3 * (bestLen / bare.length)) * 100) / 100,
      how: 'contains'
    }
  if (best.size > 1) return { value: null, confidence: 0, how: 'tie', candidates: [...best].sort() }
  return { value: null, confidence: 0, how: 'none' }
}

/** The message for a value left unmatched because the destination has no equivalent, or because two values tie. */
export function unmatchedReason(m: EnumMatch, value: string, label: Msg, allowed: readonly string[]): Msg | null {
  if (m.how === 'no_equivalent') {
    return {
      'zh-TW': `「${value}」在目的地沒有對應的${label['zh-TW']}（只有 ${allowed.join('、')}）。請在「值對應」把它對應到另一個值，或排除這些列。`,
      en: `"${value}" has no equivalent ${label.en.toLowerCase()} at the destination (only ${allowed.join(', ')}). Map it to another value in value matching, or exclude these rows.`
    }
  }
  if (m.how === 'tie') {
    const c = m.candidates ?? []
    return {
      'zh-TW': `「${value}」同時像 ${c.join(' 和 ')}，無法自動決定。請在「值對應」選一個。`,
      en: `"${value}" matches ${c.join(' and ')} equally well, so none was chosen. Pick one in value matching.`
    }
  }
  return null
}
