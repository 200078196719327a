// Header text as exports write it → the words that name the column, before any matching or recognition.
// Exports add units and notes in brackets ("訂單小計 (TWD)", "金額（含稅）", "單價(元)") and break long headers
// over lines ("收件者電話\n(僅限…)"); those are not part of the column's name.

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g
// After NFKC full-width brackets are ASCII; 【】 and 〔〕 have no half-width form.
const BRACKETED = /\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|<[^<>]*>/g
// A note that changes what the column means stays: "金額(未稅)" is not "金額(含稅)".
const MEANINGFUL_NOTE = /未稅|不含稅|稅前|稅額|excl|net/i
// A unit written after the name without brackets: "Total TWD", "金額 NT$".
const TRAILING_UNIT = /\s+(?:TWD|NTD|NT\$|USD|元)$/i

/** NFKC, line breaks → space, bracketed units/notes removed, spaces collapsed. Never returns "" for a non-blank header. */
export function cleanHeader(raw: string): string {
  const base = String(raw ?? '')
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/[\r\n]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  const stripped = base
    .replace(BRACKETED, (m) => (MEANINGFUL_NOTE.test(m) ? m : ' '))
    .replace(/\s+/g, ' ')
    .trim()
    .replace(TRAILING_UNIT, '')
    .trim()
  return stripped === '' ? base : stripped
}
