// Which flow step a sheet is for: by its name (as Matrixify names sheets), else by how well its headers map to each step.
import { autoMap } from '../mapping/automap'
import { getTarget } from '../targets'
import { FLOW_ORDER, FLOW_TARGETS, type FlowKind } from './flow'

/** Sheet names recognized per kind (lower-cased, spaces/underscores/hyphens removed). Events is checked first: "訂閱事件" contains "訂閱". */
const SHEET_NAMES: [FlowKind, string[]][] = [
  ['events', ['events', 'subscriptionevents', 'subscriptionevent', '訂閱事件', '事件']],
  ['customers', ['customers', 'customer', '顧客', '客戶', '會員']],
  ['orders', ['orders', 'order', '訂單']],
  ['subscriptions', ['subscriptions', 'subscription', '訂閱', '定期定額']]
]

export function kindOfSheet(name: string): FlowKind | null {
  const n = name.toLowerCase().replace(/[\s_-]+/g, '')
  for (const [kind, words] of SHEET_NAMES) if (words.includes(n)) return kind
  return null
}

/**
 * The kind whose fields best match the headers: columns matched, minus 1.5 per required field left without a column (a
 * subscriptions sheet lacking one required column still beats "customers", which needs only the e-mail). Ties go to the
 * guide's later step; null when nothing scores above zero. The user confirms the guess.
 */
export function kindOfHeaders(headers: readonly string[]): FlowKind | null {
  let best: { kind: FlowKind; score: number } | null = null
  for (const kind of FLOW_ORDER) {
    const target = getTarget(FLOW_TARGETS[kind])
    if (!target) continue
    const auto = autoMap(target, headers)
    const score = auto.matches.length - 1.5 * auto.unmappedRequired.length
    if (score > 0 && (!best || score >= best.score)) best = { kind, score }
  }
  return best?.kind ?? null
}
