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
 * The kind whose required fields all find a column, with the most columns matched (ties: the guide's later step, since an
 * events sheet also maps as customers by its e-mail column). null when no kind has all its required fields.
 */
export function kindOfHeaders(headers: readonly string[]): FlowKind | null {
  let best: { kind: FlowKind; score: number } | null = null
  for (const kind of FLOW_ORDER) {
    const target = getTarget(FLOW_TARGETS[kind])
    if (!target) continue
    const auto = autoMap(target, headers)
    if (auto.unmappedRequired.length) continue
    const score = auto.matches.length
    if (!best || score >= best.score) best = { kind, score }
  }
  return best?.kind ?? null
}
