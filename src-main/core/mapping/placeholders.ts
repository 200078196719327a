// Cell text that exports write for "nothing": counted as an empty cell, never as a bad date, amount or value.

// Compared after NFKC + trim + case-fold (so the full-width "－" and "（空白）" arrive here as "-" and "(空白)").
const PLACEHOLDERS = new Set([
  '-',
  '--',
  '---',
  '—',
  '——',
  '–',
  '－',
  'n/a',
  '#n/a',
  '無',
  '(空白)',
  '空白',
  '(blank)',
  'null',
  'none',
  '(none)',
  '/',
  '─'
])

// Plain ASCII is its own NFKC form; other text repeats (statuses, products, names), so its answer is remembered
const PLAIN_ASCII = /^[\t\n\r\x20-\x7e]*$/
const MEMO_LIMIT = 20_000
const memo = new Map<string, boolean>()

/** True when a cell's text only says "there is nothing here" (e.g. "-", "N/A", "無", "(空白)"). */
export function isPlaceholder(text: string): boolean {
  const s = String(text ?? '')
  if (PLAIN_ASCII.test(s)) return isCleanPlaceholder(s.trim())
  let known = memo.get(s)
  if (known === undefined) {
    known = isCleanPlaceholder(s.normalize('NFKC').trim())
    if (memo.size >= MEMO_LIMIT) memo.clear()
    memo.set(s, known)
  }
  return known
}

/** isPlaceholder for text already NFKC-normalized and trimmed (cleanText's): no second normalize per cell. */
export function isCleanPlaceholder(t: string): boolean {
  return t !== '' && t.length <= 8 && PLACEHOLDERS.has(t.toLowerCase())
}
