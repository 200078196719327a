// The shared front half of `validate` and `push`: option specs, option checking, and file → table → mapping → preparation.
import { readFile } from 'node:fs/promises'
import { IANAZone } from 'luxon'
import { z } from 'zod'
import { deriveEntrySchema } from '../core/mapping/derivation-schema'
import { ENCODINGS, normalizeEncoding, openWorkbook } from '../core/workbook'
import type { SheetTable } from '../core/workbook/types'
import { getTarget, isTargetId } from '../core/targets'
import { TARGET_IDS, type ShippingChoice, type TargetId } from '../core/targets/types'
import { mapWithSource, SOURCE_LAYOUTS, type SourcePlan } from '../core/sources'
import type { Mapping, ValueMatches } from '../core/mapping/types'
import { prepareWithLookups } from '../core/validation/prepare-with-lookups'
import { loadCliLookups, parseLookupOption, type CliLookup } from './lookup-option'
import type { LookupSpec } from '../core/mapping/lookup'
import type { Preparation, PrepareSettings } from '../core/validation/types'
import { openAndPrepare } from './stream-open'

export const DEFAULT_TIMEZONE = 'Asia/Taipei'

/** node:util parseArgs option specs shared by validate and push. */
export const VALIDATE_OPTIONS = {
  target: { type: 'string' },
  sheet: { type: 'string' },
  'header-row': { type: 'string' },
  encoding: { type: 'string' },
  timezone: { type: 'string' },
  mapping: { type: 'string' },
  'delivery-option-id': { type: 'string' },
  'payment-method-id': { type: 'string' },
  shipping: { type: 'string' },
  'shipping-name': { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  'no-source-layout': { type: 'boolean' },
  lookup: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' }
} as const

export type Lang = 'en' | 'zh-TW'

export interface PrepareFileInput {
  file: string
  target: TargetId
  sheet?: string
  headerRow?: number
  encoding?: string
  timezone?: string
  mappingFile?: string
  shopline?: { deliveryOptionId?: string; paymentMethodId?: string }
  /** SHOPLINE: --shipping as-line|in-remarks [--shipping-name NAME]. */
  shipping?: ShippingChoice
  /** Language of error messages (default en). */
  lang?: Lang
  /** Do not recognize the export (Shopee, SHOPLINE …): map from the headers' words only. */
  noSourceLayout?: boolean
  /** --lookup: fields filled from a second spreadsheet by a shared key. */
  lookups?: CliLookup[]
}

export interface PrepareFileError {
  code: string
  message: string
}

export type PrepareFileOutcome =
  | {
      ok: true
      table: SheetTable
      mapping: Mapping
      valueMatches: ValueMatches
      preparation: Preparation
      timezone: string
      source: string | null
      lookups?: LookupSpec[]
    }
  | { ok: false; error: PrepareFileError }

type OptionValues = {
  [K in Exclude<keyof typeof VALIDATE_OPTIONS, 'lookup'>]?: (typeof VALIDATE_OPTIONS)[K]['type'] extends 'boolean'
    ? boolean
    : string
} & { lookup?: string[] }

const say = (lang: Lang, en: string, zh: string) => (lang === 'zh-TW' ? zh : en)

/** Checks the shared options; a problem is a usage error (exit 2) with a message in the chosen language. */
export function checkPrepareOptions(
  file: string | undefined,
  values: OptionValues
):
  | { ok: true; input: PrepareFileInput; json: boolean; lang: Lang }
  | { ok: false; error: PrepareFileError; json: boolean; lang: Lang } {
  const json = values.json === true
  const lang: Lang = values.lang === 'zh-TW' || values.lang === 'zh' ? 'zh-TW' : 'en'
  const bad = (code: string, en: string, zh: string) => ({
    ok: false as const,
    error: { code, message: say(lang, en, zh) },
    json,
    lang
  })
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'zh-TW' && values.lang !== 'zh') {
    return bad(
      'usage',
      `--lang must be en or zh-TW (got "${values.lang}").`,
      `--lang 只能是 en 或 zh-TW（收到「${values.lang}」）。`
    )
  }
  if (!file)
    return bad(
      'usage',
      'Which file? Give the spreadsheet path: validate <file> --target ID.',
      '請指定檔案：validate <檔案> --target ID。'
    )
  const ids = TARGET_IDS.join(', ')
  if (!values.target)
    return bad('usage', `--target is required: one of ${ids}.`, `必須指定 --target：${ids} 其中之一。`)
  if (!isTargetId(values.target))
    return bad(
      'unknown_target',
      `Unknown target "${values.target}". Use one of ${ids}.`,
      `沒有「${values.target}」這個目的地，請使用：${ids}。`
    )
  let headerRow: number | undefined
  if (values['header-row'] !== undefined) {
    headerRow = Number(values['header-row'])
    if (!Number.isInteger(headerRow) || headerRow < 1) {
      return bad(
        'usage',
        `--header-row must be a row number (1, 2, 3 …), got "${values['header-row']}".`,
        `--header-row 必須是列號（1、2、3…），收到「${values['header-row']}」。`
      )
    }
  }
  if (values.encoding !== undefined && !normalizeEncoding(values.encoding)) {
    const list = ENCODINGS.map((e) => e.id).join(', ')
    return bad(
      'bad_encoding',
      `Unknown encoding "${values.encoding}". Use one of ${list}.`,
      `不支援的編碼「${values.encoding}」，可用：${list}。`
    )
  }
  if (values.timezone !== undefined && !IANAZone.isValidZone(values.timezone)) {
    return bad(
      'bad_timezone',
      `Unknown time zone "${values.timezone}". Use an IANA name such as Asia/Taipei.`,
      `不認得時區「${values.timezone}」，請用 IANA 名稱，例如 Asia/Taipei。`
    )
  }
  const lookups: CliLookup[] = []
  for (const text of values.lookup ?? []) {
    const parsed = parseLookupOption(text)
    if (!parsed.ok) return bad('bad_lookup', parsed.error.en, parsed.error.zh)
    lookups.push(parsed.lookup)
  }
  if (values.shipping !== undefined && values.shipping !== 'as-line' && values.shipping !== 'in-remarks') {
    return bad(
      'usage',
      `--shipping must be as-line or in-remarks (got "${values.shipping}").`,
      `--shipping 只能是 as-line（運費成為明細）或 in-remarks（寫進備註），收到「${values.shipping}」。`
    )
  }
  const shipping: ShippingChoice | undefined =
    values.shipping || values['shipping-name']
      ? {
          mode: (values.shipping as ShippingChoice['mode'] | undefined) ?? 'as-line',
          ...(values['shipping-name'] ? { lineName: values['shipping-name'] } : {})
        }
      : undefined
  const shopline =
    values['delivery-option-id'] || values['payment-method-id']
      ? { deliveryOptionId: values['delivery-option-id'], paymentMethodId: values['payment-method-id'] }
      : undefined
  return {
    ok: true,
    json,
    lang,
    input: {
      file,
      target: values.target,
      sheet: values.sheet,
      headerRow,
      encoding: values.encoding,
      timezone: values.timezone,
      mappingFile: values.mapping,
      shopline,
      ...(shipping ? { shipping } : {}),
      lang,
      noSourceLayout: values['no-source-layout'] === true,
      ...(lookups.length ? { lookups } : {})
    }
  }
}

const MappingSchema = z.record(
  z.string(),
  z.union([
    z.object({ column: z.string() }).strict(),
    z.object({ constant: z.union([z.string(), z.number(), z.boolean()]) }).strict(),
    deriveEntrySchema
  ])
)
const ValueMatchesSchema = z.record(z.string(), z.record(z.string(), z.string()))

/** A --mapping file: the `mapping` object of `validate --json`, or a whole validate/session JSON holding `mapping` (+ `valueMatches`). */
export async function readMappingFile(
  path: string,
  lang: Lang = 'en'
): Promise<{ ok: true; mapping: Mapping; valueMatches: ValueMatches } | { ok: false; error: PrepareFileError }> {
  let data: unknown
  try {
    data = JSON.parse(await readFile(path, 'utf8'))
  } catch (e) {
    const why =
      (e as NodeJS.ErrnoException).code === 'ENOENT' ? say(lang, 'file not found', '找不到檔案') : (e as Error).message
    return {
      ok: false,
      error: {
        code: 'bad_mapping',
        message: say(lang, `Cannot read mapping file ${path}: ${why}.`, `無法讀取對應檔 ${path}：${why}。`)
      }
    }
  }
  const wrapped =
    data && typeof data === 'object' && 'mapping' in data
      ? (data as { mapping: unknown; valueMatches?: unknown })
      : null
  const mapping = MappingSchema.safeParse(wrapped ? wrapped.mapping : data)
  const valueMatches = ValueMatchesSchema.safeParse(wrapped?.valueMatches ?? {})
  if (!mapping.success || !valueMatches.success) {
    return {
      ok: false,
      error: {
        code: 'bad_mapping',
        message: say(
          lang,
          `Mapping file ${path} must look like {"<field>": {"column": "<header>"} | {"constant": <value>}} (the "mapping" of validate --json).`,
          `對應檔 ${path} 的格式必須是 {"<欄位>": {"column": "<欄名>"} 或 {"constant": <值>}}（即 validate --json 輸出中的 "mapping"）。`
        )
      }
    }
  }
  return { ok: true, mapping: mapping.data as Mapping, valueMatches: valueMatches.data }
}

/** ORDERDOCK_READ_TIMEOUT_S: a longer read timeout than the app's 120 s (benchmarks of 1M-row files on a busy machine). */
function readTimeoutFromEnv(): { timeoutMs: number } | undefined {
  const s = Number(process.env.ORDERDOCK_READ_TIMEOUT_S)
  return Number.isFinite(s) && s > 0 ? { timeoutMs: s * 1000 } : undefined
}

/** ORDERDOCK_TIMINGS=1: milestones on stderr, in ms since the read began (npm run bench validate reads them). */
const timingsOn = process.env.ORDERDOCK_TIMINGS === '1'
function timing(what: string, since: number): void {
  process.stderr.write(`orderdock timing: ${what} ms=${Math.round(performance.now() - since)}\n`)
}

/** file → table (worker, limits) → mapping (file or auto) → preparation. Errors are data: never throws for a bad file. */
export async function prepareFile(opts: PrepareFileInput): Promise<PrepareFileOutcome> {
  const lang = opts.lang ?? 'en'
  const target = getTarget(opts.target)
  if (!target)
    return {
      ok: false,
      error: {
        code: 'unknown_target',
        message: say(lang, `Unknown target "${opts.target}".`, `沒有「${opts.target}」這個目的地。`)
      }
    }
  const timezone = opts.timezone ?? DEFAULT_TIMEZONE
  let mapping: Mapping | undefined
  let valueMatches: ValueMatches = {}
  if (opts.mappingFile) {
    const read = await readMappingFile(opts.mappingFile, lang)
    if (!read.ok) return read
    mapping = read.mapping
    valueMatches = read.valueMatches
  }
  const settingsFor = (headers: string[]) => {
    let mapped = mapping
    let matches = valueMatches
    let source: string | null = null
    let lacks: SourcePlan['lacks'] | undefined
    if (!mapped) {
      // No --mapping: the recognized export's layout (unless turned off), else auto-mapping from the headers' words.
      const sourced = mapWithSource(target, headers, SOURCE_LAYOUTS, opts.noSourceLayout !== true)
      mapped = sourced.mapping
      matches = { ...sourced.valueMatches, ...valueMatches }
      source = sourced.source?.source.id ?? null
      lacks = sourced.source?.lacks
    }
    const settings: PrepareSettings = {
      target: opts.target,
      mapping: mapped,
      valueMatches: matches,
      timezone,
      shopline: opts.shopline,
      ...(opts.shipping ? { shipping: opts.shipping } : {})
    }
    return { settings, source, lacks }
  }
  // rows are validated while the worker reads (stream-open.ts); lookups join a second file: read whole, then prepare
  let decided: ReturnType<typeof settingsFor> | null = null
  const readOptions = { sheet: opts.sheet, headerRow: opts.headerRow, encoding: opts.encoding }
  const readStart = performance.now()
  const opened = opts.lookups?.length
    ? await openWorkbook({ path: opts.file }, readOptions).then((r) => (r.ok ? { ...r, preparation: null } : r))
    : await openAndPrepare(opts.file, readOptions, (headers) => (decided = settingsFor(headers)).settings, {
        limits: readTimeoutFromEnv(),
        onFirstRows: timingsOn ? (p) => timing(`first-validated-rows=${p.summary().rows}`, readStart) : undefined
      })
  if (timingsOn) timing('read-and-prepared', readStart)
  if (!opened.ok) {
    const e = opened.error
    const message = (lang === 'zh-TW' ? e.messageZh : e.messageEn) ?? e.message
    return { ok: false, error: { code: e.code, message } }
  }
  const table = opened.table
  const streamed = opened.preparation
  const plan = streamed && decided ? (decided as ReturnType<typeof settingsFor>) : settingsFor(table.headers)
  const { source, lacks } = plan
  valueMatches = plan.settings.valueMatches ?? {}
  const loaded = await loadCliLookups(opts.lookups ?? [], target, table, lang)
  if (!loaded.ok) return { ok: false, error: { code: loaded.code, message: loaded.message } }
  // the lookups add a column each (mapped to their field); whole-file facts are said once (file-issues.ts)
  const joined = prepareWithLookups(table, plan.settings, {
    lookups: loaded.indexes,
    lacks,
    ...(streamed ? { prepare: () => streamed } : {})
  })
  return {
    ok: true,
    table: joined.table,
    mapping: joined.mapping,
    valueMatches,
    preparation: joined.preparation,
    timezone,
    source,
    lookups: loaded.indexes.map((ix) => ix.spec)
  }
}
