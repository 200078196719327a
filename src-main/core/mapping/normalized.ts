// The result shape every normalizer returns: a value, or a stable code plus a bilingual message (errors are data).

/** A user-facing message in both UI languages. */
export interface Msg {
  'zh-TW': string
  en: string
}

export type Normalized<T> = { ok: true; value: T } | { ok: false; code: string; message: Msg }

export function ok<T>(value: T): Normalized<T> {
  return { ok: true, value }
}

export function fail<T = never>(code: string, zh: string, en: string): Normalized<T> {
  return { ok: false, code, message: { 'zh-TW': zh, en } }
}

/** The shared "nothing here" result: callers decide whether an empty optional field is fine. */
export function empty<T = never>(): Normalized<T> {
  return fail('empty', '儲存格是空的。', 'The cell is empty.')
}

/** Quote a found value for a message, shortened so a huge cell cannot flood the UI. */
export function shown(value: unknown): string {
  const s = String(value)
  return s.length > 60 ? `${s.slice(0, 57)}…` : s
}
