// Local stand-in for cli/prepare-file (helper A) until it lands: read the file, map columns (file or auto), prepare records.
import { readFile } from 'node:fs/promises'
import { openWorkbook } from '../core/workbook'
import type { SheetTable } from '../core/workbook/types'
import { getTarget } from '../core/targets'
import type { TargetId } from '../core/targets/types'
import { autoMap } from '../core/mapping/automap'
import type { Mapping, ValueMatches } from '../core/mapping/types'
import { createPreparation } from '../core/validation/prepare'
import type { Preparation } from '../core/validation/types'

export interface PrepareFileInput {
  file: string
  target: TargetId
  sheet?: string
  headerRow?: number
  encoding?: string
  timezone?: string
  mappingFile?: string
  shopline?: { deliveryOptionId?: string; paymentMethodId?: string }
}

export type PrepareFileOutcome =
  | { ok: true; table: SheetTable; mapping: Mapping; valueMatches: ValueMatches; preparation: Preparation; timezone: string }
  | { ok: false; error: { code: string; message: string } }

export async function prepareFile(input: PrepareFileInput): Promise<PrepareFileOutcome> {
  const target = getTarget(input.target)
  if (!target) return { ok: false, error: { code: 'unknown_target', message: `Unknown target "${input.target}".` } }
  const opened = await openWorkbook({ path: input.file }, { sheet: input.sheet, headerRow: input.headerRow, encoding: input.encoding })
  if (!opened.ok) return { ok: false, error: { code: opened.error.code, message: opened.error.message } }
  const table = opened.table
  let mapping: Mapping
  let valueMatches: ValueMatches = {}
  if (input.mappingFile) {
    try {
      const saved = JSON.parse(await readFile(input.mappingFile, 'utf8')) as { mapping?: Mapping; valueMatches?: ValueMatches }
      mapping = saved.mapping ?? (saved as Mapping)
      valueMatches = saved.valueMatches ?? {}
    } catch (e) {
      return { ok: false, error: { code: 'bad_mapping', message: `Cannot read mapping file ${input.mappingFile}: ${(e as Error).message}` } }
    }
  } else mapping = autoMap(target, table.headers).mapping
  const timezone = input.timezone ?? 'Asia/Taipei'
  const preparation = createPreparation(table, { target: input.target, mapping, valueMatches, timezone, shopline: input.shopline })
  return { ok: true, table, mapping, valueMatches, preparation, timezone }
}
