// The one token redactor: whatever came from outside (server bodies, error texts, fetch errors) passes through it before it is
// kept, shown or printed. It removes the token as is, its Bearer form, URL-encoded and JSON-escaped forms, and the pieces of a
// token broken by CR/LF (an error message may print them on separate lines).
export const REDACTED = '[redacted]'

/** Pieces shorter than this are not searched for on their own (they would blank ordinary words). */
const MIN_PIECE = 6

function forms(token: string): string[] {
  const out = new Set<string>([token])
  try {
    out.add(encodeURIComponent(token))
  } catch {
    // a lone surrogate cannot be URL-encoded; the raw form is still covered
  }
  out.add(JSON.stringify(token).slice(1, -1))
  out.add(token.replace(/\r/g, '\\r').replace(/\n/g, '\\n'))
  for (const piece of token.split(/[\r\n\t]+|%0[dDaA]/)) if (piece.length >= MIN_PIECE) out.add(piece)
  // Longest first, so a piece never leaves the rest of a longer form behind.
  return [...out].filter((f) => f.length > 0).sort((a, b) => b.length - a.length)
}

export type Redactor = {
  text: (s: string) => string
  /** A deep copy with every string redacted (object keys too). */
  value: <T>(v: T) => T
  /** A plain copy of an error chain (name, code, message, cause, errors) with messages redacted. */
  error: (e: unknown) => unknown
}

export function createRedactor(tokens: (string | null | undefined)[]): Redactor {
  const all = [
    ...new Set(tokens.filter((t): t is string => typeof t === 'string' && t.trim().length >= 4).flatMap(forms))
  ].sort((a, b) => b.length - a.length)
  const text = (s: string): string => {
    if (all.length === 0 || typeof s !== 'string') return s
    let out = s
    for (const f of all) if (out.includes(f)) out = out.split(f).join(REDACTED)
    return out
  }
  const value = <T>(v: T, depth = 0): T => {
    if (all.length === 0) return v
    if (typeof v === 'string') return text(v) as T
    if (v === null || typeof v !== 'object' || depth > 64) return v
    if (Array.isArray(v)) return v.map((x) => value(x, depth + 1)) as T
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[text(k)] = value(x, depth + 1)
    return out as T
  }
  const error = (e: unknown, depth = 0): unknown => {
    if (all.length === 0) return e
    if (e === null || typeof e !== 'object') return typeof e === 'string' ? text(e) : e
    if (depth > 6) return undefined
    const src = e as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown; errors?: unknown }
    const copy = new Error(typeof src.message === 'string' ? text(src.message) : '') as Error & {
      code?: unknown
      errors?: unknown
    }
    if (typeof src.name === 'string') copy.name = src.name
    if (src.code !== undefined) copy.code = typeof src.code === 'string' ? text(src.code) : src.code
    if (src.cause !== undefined) copy.cause = error(src.cause, depth + 1)
    if (Array.isArray(src.errors)) copy.errors = src.errors.slice(0, 4).map((x) => error(x, depth + 1))
    copy.stack = `${copy.name}: ${copy.message}`
    return copy
  }
  return { text, value, error }
}

/** Shorthand for one string and one token. */
export function redactToken(s: string, token: string | null | undefined): string {
  return createRedactor([token]).text(s)
}
