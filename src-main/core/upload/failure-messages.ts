// Plain words for HTTP and network failures come from credentials/messages (shared with "Test connection").
export { describeHttpFailure, describeNetworkFailure, bodyMessage as bodyText } from '../credentials/messages'

export function errorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } }
  if (typeof e?.cause?.code === 'string') return e.cause.code
  if (typeof e?.code === 'string') return e.code
  return undefined
}
