// Text cleanup, e-mail and phone normalization.
import { fail, ok, empty, shown, type Normalized } from './normalized'
import { isCleanPlaceholder } from './placeholders'

// Zero-width space/joiners, word joiner, BOM and soft hyphen: invisible, but they break matching.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g
// Plain ASCII is its own NFKC form and holds nothing invisible: most cells skip the costly normalize (issue 14)
const PLAIN_ASCII = /^[\t\n\r\x20-\x7e]*$/

/**
 * Trim, NFKC (full-width → half-width, ideographic space → space) and strip invisible characters; inner text is kept.
 * A placeholder for "nothing" ("-", "N/A", "無", "(空白)") becomes "", so every parser sees an empty cell.
 */
export function cleanText(s: string): string {
  const t = PLAIN_ASCII.test(s) ? s.trim() : s.normalize('NFKC').replace(INVISIBLE, '').trim()
  return isCleanPlaceholder(t) ? '' : t
}

const EMAIL_LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/
const EMAIL_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/

/**
 * A cleaned, fully lower-cased e-mail address (帳獸 matches e-mails case-insensitively, so "A@X.com" and "a@x.com"
 * are one customer). Accepts "mailto:" and "Name <a@b.com>". Pragmatic check: ASCII local part, a dotted domain.
 */
export function parseEmail(s: string): Normalized<string> {
  let text = cleanText(String(s ?? ''))
  if (text === '') return empty()
  text = text.replace(/^mailto:/i, '')
  const angled = /<([^<>]+)>\s*$/.exec(text)
  if (angled) text = angled[1].trim()
  const atCount = (text.match(/@/g) ?? []).length
  if (atCount > 1 && /[,;\s/、]/.test(text)) {
    return fail(
      'email_multiple',
      `「${shown(s)}」含有多個 Email，一列只能填一個。`,
      `"${shown(s)}" holds more than one e-mail; keep one per row.`
    )
  }
  const lower = text.toLowerCase()
  const at = lower.lastIndexOf('@')
  const local = lower.slice(0, at)
  const domain = lower.slice(at + 1)
  const labels = domain.split('.')
  const valid =
    at > 0 &&
    lower.length <= 254 &&
    local.length <= 64 &&
    EMAIL_LOCAL.test(local) &&
    labels.length >= 2 &&
    labels.every((l) => EMAIL_LABEL.test(l)) &&
    /^[a-z]{2,}$/.test(labels[labels.length - 1])
  if (!valid) {
    return fail(
      'email_invalid',
      `「${shown(s)}」不是有效的 Email。請改成像 name@example.com 的格式。`,
      `"${shown(s)}" is not a valid e-mail address. Use the form name@example.com.`
    )
  }
  return ok(lower)
}

const PHONE_SEPARATORS = /[\s\-.()（）]/g

/**
 * A phone number as digits with an optional leading "+": spaces, dashes, dots and brackets are removed, the leading 0
 * is kept. A 9-digit number starting with 9 (a numeric cell that lost the 0 of a TW mobile, 912345678) becomes
 * "0912345678". "+886 912 345 678" stays international: "+886912345678". An extension ("#123", "ext 123") is kept as "#123".
 */
export function parsePhone(s: string | number): Normalized<string> {
  if (typeof s === 'number') {
    if (!Number.isInteger(s) || s <= 0) return phoneInvalid(s)
    s = String(s)
  }
  const text = cleanText(String(s ?? ''))
  if (text === '') return empty()
  const parts = text.split(/[,;/、]|\s+or\s+|或/).filter((p) => (p.match(/\d/g) ?? []).length >= 6)
  if (parts.length > 1) {
    return fail(
      'phone_multiple',
      `「${shown(s)}」含有多個電話號碼，請只留一個。`,
      `"${shown(s)}" holds more than one phone number; keep one.`
    )
  }
  const ext = /^(.*?)(?:\s*(?:#|ext\.?|分機|轉)\s*(\d{1,6}))$/i.exec(text)
  const main = (ext ? ext[1] : text).replace(PHONE_SEPARATORS, '')
  if (!/^\+?\d{6,15}$/.test(main)) return phoneInvalid(s)
  const digits = /^9\d{8}$/.test(main) ? `0${main}` : main
  return ok(ext ? `${digits}#${ext[2]}` : digits)
}

function phoneInvalid(s: unknown): Normalized<string> {
  return fail(
    'phone_invalid',
    `「${shown(s)}」不是電話號碼。請只填數字（可有 +、空格、-），例如 0912345678。`,
    `"${shown(s)}" is not a phone number. Use digits (with optional +, spaces, dashes), e.g. 0912345678.`
  )
}
