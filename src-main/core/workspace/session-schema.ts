// The saved shape of an import session, with a zod schema so a damaged or foreign file is refused, not trusted.
import { z } from 'zod'
import { deriveEntrySchema } from '../mapping/derivation-schema'
import { TARGET_IDS, type ShippingChoice, type TargetId } from '../targets/types'
import type { Mapping, ValueMatches } from '../mapping/types'
import type { DateOrder } from '../mapping/dates'
import type { SessionSummary } from './types'
import { sessionLookupSchema, type SessionLookup } from './session-lookups'

export interface SessionState {
  version: 1
  id: string
  createdAt: string
  updatedAt: string
  /** The copy of the source file kept in <dataDir>/sessions/<id>/source.<ext>; the original may move or change. */
  source: { name: string; copyPath: string; sha256: string; bytes: number }
  sheet: string | null
  headerRow: number | null
  encoding: string | null
  target: TargetId | null
  mapping: Mapping
  valueMatches: ValueMatches
  timezone: string
  /** Day/month order chosen per source column (header text). */
  dateOrder: Record<string, DateOrder>
  metadataColumns: string[]
  /** Sparse cell overrides: row number (as Excel shows it) → column header → text typed by the user. */
  edits: Record<string, Record<string, string>>
  /** Row numbers left out of the import. */
  excluded: number[]
  /** Recognize the export (Shopee, SHOPLINE …) and start from its layout; absent = on. */
  useSourceLayout?: boolean
  /** The recognized export's layout id whose mapping this session started from, or null. */
  sourceLayout?: string | null
  /** Fields looked up in a second spreadsheet by a shared key (copies kept beside the source copy). */
  lookups?: SessionLookup[]
  /** SHOPLINE: shipping as a 運費 line or in the order remarks; absent = as a line. */
  shipping?: ShippingChoice
}

export type { SessionSummary } from './types'

export const DEFAULT_TIMEZONE = 'Asia/Taipei'

const mappingEntry = z.union([
  // a column whose empty cells take a constant keeps both
  z.object({ column: z.string(), constant: z.union([z.string(), z.number(), z.boolean()]).optional() }),
  z.object({ constant: z.union([z.string(), z.number(), z.boolean()]) }),
  deriveEntrySchema
])

export const sessionStateSchema = z.object({
  version: z.literal(1),
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  source: z.object({
    name: z.string(),
    copyPath: z.string(),
    sha256: z.string(),
    bytes: z.number().int().nonnegative()
  }),
  sheet: z.string().nullable(),
  headerRow: z.number().int().positive().nullable(),
  encoding: z.string().nullable(),
  target: z.enum(TARGET_IDS as unknown as [TargetId, ...TargetId[]]).nullable(),
  mapping: z.record(z.string(), mappingEntry),
  valueMatches: z.record(z.string(), z.record(z.string(), z.string())),
  timezone: z.string(),
  dateOrder: z.record(z.string(), z.enum(['ymd', 'dmy', 'mdy'])),
  metadataColumns: z.array(z.string()),
  edits: z.record(z.string(), z.record(z.string(), z.string())),
  excluded: z.array(z.number().int()),
  useSourceLayout: z.boolean().optional(),
  sourceLayout: z.string().nullable().optional(),
  lookups: z.array(sessionLookupSchema).optional(),
  shipping: z
    .object({ mode: z.enum(['as-line', 'in-remarks']), lineName: z.string().max(100).optional() })
    .strict()
    .optional()
})

/** Session ids are used as folder names: only these characters, so an id can never climb out of the data dir. */
export function isSafeId(id: string): boolean {
  return /^[A-Za-z0-9_-]{1,80}$/.test(id)
}

export function summarize(state: SessionState): SessionSummary {
  return {
    id: state.id,
    name: state.source.name,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    target: state.target,
    bytes: state.source.bytes,
    edits: Object.values(state.edits).reduce((n, row) => n + Object.keys(row).length, 0),
    excluded: state.excluded.length
  }
}
