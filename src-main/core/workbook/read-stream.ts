// readWorkbook: the reader the worker runs. .xlsx/.xlsm go through the streaming path; .xls, .ods, CSV and anything
// the streaming path does not handle (encrypted, strict OOXML, odd cells) go through readWorkbookBytes (SheetJS).
import type { ReadLimits, ReadOptions } from './types'
import type { OpenResult } from './open-result'
import { resolveLimits } from './limits'
import { WorkbookFailure, fail } from './errors'
import { byteKind, zipFormat } from './detect'
import { listZip } from './zip'
import { checkZipEntries } from './zip-guard'
import { finish, readWorkbookBytes, sheetRowsFor } from './read'
import { streamXlsxSheets, type ReadProgress } from './stream-xlsx'
import type { XmlParserKind } from './xml-events'

export type { ReadProgress } from './stream-xlsx'

export interface ReadHooks {
  onProgress?: (p: ReadProgress) => void
  /** Tests and benchmarks: which XML parser, or 'sheetjs' to skip the streaming path. */
  engine?: XmlParserKind | 'sheetjs'
}

export async function readWorkbook(
  name: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
  limitsIn?: Partial<ReadLimits>,
  hooks: ReadHooks = {}
): Promise<OpenResult> {
  const limits = resolveLimits(limitsIn)
  if (
    hooks.engine === 'sheetjs' ||
    bytes.byteLength === 0 ||
    bytes.byteLength > limits.maxFileBytes ||
    byteKind(bytes) !== 'zip'
  ) {
    return readWorkbookBytes(name, bytes, options, limits)
  }
  const entries = listZip(bytes)
  const format = entries
    ? zipFormat(
        entries.map((e) => e.name),
        name
      )
    : null
  if (!entries || (format !== 'xlsx' && format !== 'xlsm')) return readWorkbookBytes(name, bytes, options, limits)
  try {
    checkZipEntries(name, entries, limits)
    const sources = await streamXlsxSheets(name, bytes, entries, limits, {
      sheetRows: sheetRowsFor(options, limits),
      preview: options.maxRows !== undefined,
      parser: hooks.engine,
      onProgress: hooks.onProgress
    })
    if (!sources.length) fail('empty', name)
    return { ok: true, table: finish(name, format, null, null, sources, options, limits) }
  } catch (err) {
    if (err instanceof WorkbookFailure) return { ok: false, error: err.error }
    // not ours to judge (unsupported feature, or damage): SheetJS reads it or names the problem
    return readWorkbookBytes(name, bytes, options, limits)
  }
}
