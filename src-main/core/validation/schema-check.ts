// The last gate: the payload must pass the destination's zod schema, i.e. match the documented request.
import type { Target } from '../targets/types'
import { M, makeIssue } from './messages'
import type { Issue } from './types'

export function schemaIssue(target: Target, payload: Record<string, unknown>, row: number): Issue | null {
  const r = target.payloadSchema.safeParse(payload)
  if (r.success) return null
  const first = r.error.issues[0]
  const path = first.path.join('.')
  return makeIssue(
    row,
    path || 'payload',
    null,
    'error',
    'schema_mismatch',
    M.schemaMismatch(`${path}: ${first.message}`)
  )
}
