// Plain-data workspace shapes, shared with the renderer through the IPC contract (type-only, no runtime imports).
import type { TargetId } from '../targets/types'

/** A saved import session as listed for the user. */
export interface SessionSummary {
  id: string
  name: string
  createdAt: string
  updatedAt: string
  target: TargetId | null
  bytes: number
  edits: number
  excluded: number
}
