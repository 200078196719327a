// A token is visible ASCII only (0x21–0x7E): anything else cannot travel in an HTTP header, and every request would fail
// locally with a misleading "cannot reach the server". Checked when a token is saved and before it is used.
import type { Localized } from '../targets/types'

export function tokenProblem(token: string): Localized | null {
  const bad = [...token].findIndex((ch) => ch < '!' || ch > '~')
  if (bad < 0) return null
  const code = token.codePointAt([...token].slice(0, bad).join('').length) ?? 0
  const what =
    code === 0x0d || code === 0x0a
      ? 'a line break'
      : code === 0x20 || code === 0x09
        ? 'a space'
        : code < 0x20 || code === 0x7f
          ? 'a control character'
          : `"${String.fromCodePoint(code)}" (U+${code.toString(16).toUpperCase().padStart(4, '0')})`
  const whatZh =
    code === 0x0d || code === 0x0a
      ? '換行'
      : code === 0x20 || code === 0x09
        ? '空白'
        : code < 0x20 || code === 0x7f
          ? '控制字元'
          : `「${String.fromCodePoint(code)}」`
  return {
    'zh-TW': `這組權杖的第 ${bad + 1} 個字元是${whatZh}：權杖只能有英文字母、數字和一般符號（可見的 ASCII 字元）。請從 API 設定頁重新複製，只貼上權杖本身。`,
    en: `Character ${bad + 1} of this token is ${what}: a token has only letters, digits and ordinary symbols (visible ASCII). Copy it again from the API settings page and paste only the token.`
  }
}
