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

/** True when a cell's text only says "there is nothing here" (e.g. "-", "N/A", "無", "(空白)"). */
export function isPlaceholder(text: string): boolean {
  const t = String(text ?? '')
    .normalize('NFKC')
    .trim()
    .toLowerCase()
  return t !== '' && t.length <= 8 && PLACEHOLDERS.has(t)
}
