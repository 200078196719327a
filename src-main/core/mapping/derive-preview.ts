// The mapping screen's view of derived fields: the rule in words and its result on the first few data rows.
import type { SheetRow, SheetTable } from '../workbook/types'
import type { Mapping } from './types'
import { isDeriveEntry } from './types'
import { derivationColumns } from './derive'
import { describeDerivation, explainRow } from './derive-words'
import type { DerivedFieldPreview } from './derivation-types'
import { rowReader, isBlankRow } from '../validation/row'

export function derivationPreviews(
  mapping: Mapping,
  table: Pick<SheetTable, 'headers'> & { rows: Iterable<SheetRow> },
  sampleRows = 3
): DerivedFieldPreview[] {
  if (!Object.values(mapping).some(isDeriveEntry)) return []
  const rows: SheetRow[] = []
  for (const r of table.rows) {
    if (rows.length >= sampleRows) break
    if (!isBlankRow(r)) rows.push(r)
  }
  return Object.entries(mapping).flatMap(([field, entry]) => {
    if (!isDeriveEntry(entry)) return []
    const d = entry.derive
    const cols = new Map(derivationColumns(d).map((c) => [c, table.headers.indexOf(c)]))
    const usable = [...cols.values()].every((ci) => ci >= 0)
    const samples = usable ? rows.map((r) => ({ row: r.rowNumber, ...explainRow(d, rowReader(cols, r.cells)) })) : []
    return [{ field, derivation: d, text: describeDerivation(d), samples }]
  })
}
