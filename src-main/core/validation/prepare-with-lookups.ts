// Preparation of a main table with its lookups joined in (an extra column per lookup, mapped to its field) and the
// whole-file facts said once. Used by the CLI and by import sessions alike.
import type { SheetTable } from '../workbook/types'
import type { Localized } from '../targets/types'
import { getTarget } from '../targets/index'
import type { Mapping } from '../mapping/types'
import { applyLookups, lookupColumnName, type LookupIndex, type LookupIssue } from '../mapping/lookup'
import { createPreparation } from './prepare'
import { withFileIssues } from './file-issues'
import type { Preparation, PrepareSettings } from './types'

/** The table with one column per lookup added, and the lookups' per-row outcomes. */
export function joinLookups(
  table: SheetTable,
  lookups: readonly LookupIndex[]
): { table: SheetTable; issues: LookupIssue[] } {
  return lookups.length ? applyLookups(table, lookups) : { table, issues: [] }
}

/** The mapping with each lookup's field taken from the lookup's column (a lookup wins over a column of the file). */
export function mappingWithLookups(mapping: Mapping, lookups: readonly { spec: LookupIndex['spec'] }[]): Mapping {
  const out: Mapping = { ...mapping }
  for (const { spec } of lookups) out[spec.field] = { column: lookupColumnName(spec) }
  return out
}

export function prepareWithLookups(
  table: SheetTable,
  settings: PrepareSettings,
  opts: {
    lookups?: readonly LookupIndex[]
    lacks?: readonly { field: string; why: Localized }[]
    prepare?: (t: SheetTable, s: PrepareSettings) => Preparation
  } = {}
): { table: SheetTable; preparation: Preparation; mapping: Mapping } {
  const target = getTarget(settings.target)
  if (!target) throw new RangeError(`Unknown target "${settings.target}"`)
  const lookups = opts.lookups ?? []
  const joined = joinLookups(table, lookups)
  const mapping = mappingWithLookups(settings.mapping, lookups)
  const inner = (opts.prepare ?? createPreparation)(joined.table, { ...settings, mapping })
  const preparation = withFileIssues(inner, {
    target,
    mapping,
    lacks: opts.lacks,
    lookupIssues: joined.issues,
    excludedRows: settings.excludedRows
  })
  return { table: joined.table, preparation, mapping }
}
