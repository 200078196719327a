// The readable issue table of `validate` (without --json): one line per issue, columns aligned by display width.
import type { Issue } from '../core/validation/types'
import type { Lang } from './prepare-file'

const MAX_SHOWN = 200

/** Terminal width of a string: CJK and full-width characters take two cells. */
export function displayWidth(s: string): number {
  let w = 0
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0
    w +=
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      cp >= 0x20000
        ? 2
        : 1
  }
  return w
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)))
}

function clip(s: string, width: number): string {
  if (displayWidth(s) <= width) return s
  let out = ''
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break
    out += ch
  }
  return out + '…'
}

export function formatIssueTable(issues: Issue[], messageOf: (i: Issue) => string, lang: Lang): string {
  const zh = lang === 'zh-TW'
  const head = zh
    ? ['列', '嚴重度', '欄位', '來源欄', '代碼', '說明']
    : ['Row', 'Severity', 'Field', 'Column', 'Code', 'Message']
  const shown = issues.slice(0, MAX_SHOWN)
  const rows = shown.map((i) => [
    String(i.row),
    i.severity === 'error' ? (zh ? '錯誤' : 'error') : zh ? '警告' : 'warning',
    clip(i.field, 24),
    clip(i.column ?? '-', 20),
    i.code,
    messageOf(i).replace(/\s+/g, ' ')
  ])
  const widths = head.slice(0, 5).map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c]))))
  const line = (cells: string[]) => cells.map((cell, c) => (c < 5 ? pad(cell, widths[c]) : cell)).join('  ')
  const out = [line(head), line(widths.map((w) => '-'.repeat(w)).concat('-'.repeat(7))), ...rows.map(line)]
  if (issues.length > shown.length) {
    out.push(
      zh
        ? `…還有 ${issues.length - shown.length} 個問題（用 --json 看全部）。`
        : `… and ${issues.length - shown.length} more (use --json to see all).`
    )
  }
  return out.join('\n')
}
