// Which files make up a flow: a plan JSON, repeated --file KIND=FILE, or one workbook with one sheet per kind (as Matrixify does).
import { readFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { z } from 'zod'
import { openWorkbook } from '../core/workbook'
import { FLOW_ORDER, type FlowKind } from '../core/upload/flow'
import { kindOfSheet } from '../core/upload/flow-sheets'

export { kindOfSheet }

export interface FlowFile {
  kind: FlowKind
  file: string
  sheet?: string
  headerRow?: number
  encoding?: string
  mappingFile?: string
}

const KIND_WORDS: Record<string, FlowKind> = {
  customers: 'customers',
  orders: 'orders',
  subscriptions: 'subscriptions',
  events: 'events',
  subscription_events: 'events'
}

export function parseKind(word: string): FlowKind | null {
  return KIND_WORDS[word.trim().toLowerCase()] ?? null
}

const PlanEntry = z
  .object({
    kind: z.string(),
    file: z.string(),
    sheet: z.string().optional(),
    headerRow: z.number().int().min(1).optional(),
    encoding: z.string().optional(),
    mapping: z.string().optional()
  })
  .strict()
const PlanSchema = z.union([z.array(PlanEntry), z.object({ files: z.array(PlanEntry) }).strict()])

/** A plan file: `{"files":[{"kind":"orders","file":"orders.csv","sheet":…,"mapping":"orders-mapping.json"}]}` (paths relative to the plan). */
export async function readPlanFile(path: string): Promise<FlowFile[]> {
  let data: unknown
  try {
    data = JSON.parse(await readFile(path, 'utf8'))
  } catch (e) {
    throw new Error(
      `cannot read plan ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message}`,
      { cause: e }
    )
  }
  const parsed = PlanSchema.safeParse(data)
  if (!parsed.success)
    throw new Error(
      `plan ${path} must look like {"files":[{"kind":"customers|orders|subscriptions|events","file":"…","sheet"?,"headerRow"?,"encoding"?,"mapping"?}]}`
    )
  const entries = Array.isArray(parsed.data) ? parsed.data : parsed.data.files
  const base = dirname(resolve(path))
  return checkKinds(
    entries.map((e) => {
      const kind = parseKind(e.kind)
      if (!kind) throw new Error(`plan ${path}: unknown kind "${e.kind}" (use ${FLOW_ORDER.join(', ')})`)
      return {
        kind,
        file: resolve(base, e.file),
        sheet: e.sheet,
        headerRow: e.headerRow,
        encoding: e.encoding,
        mappingFile: e.mapping ? resolve(base, e.mapping) : undefined
      }
    })
  )
}

/** `--file orders=orders.csv --file events=events.csv`. */
export function parseFileFlags(flags: string[]): FlowFile[] {
  return checkKinds(
    flags.map((f) => {
      const at = f.indexOf('=')
      const kind = at > 0 ? parseKind(f.slice(0, at)) : null
      if (!kind || at === f.length - 1)
        throw new Error(`--file must be KIND=FILE with KIND one of ${FLOW_ORDER.join(', ')} (got "${f}")`)
      return { kind, file: resolve(f.slice(at + 1)) }
    })
  )
}

/** One workbook, one sheet per kind; sheets with other names are left out (and listed in the error when none is known). */
export async function workbookFiles(path: string): Promise<FlowFile[]> {
  const opened = await openWorkbook({ path })
  if (!opened.ok) throw new Error(`${path}: ${opened.error.messageEn ?? opened.error.message}`)
  const names = opened.table.sheets.map((s) => s.name)
  const files = names.flatMap((sheet) => {
    const kind = kindOfSheet(sheet)
    return kind ? [{ kind, file: resolve(path), sheet }] : []
  })
  if (!files.length)
    throw new Error(
      `${path}: no sheet named Customers/顧客, Orders/訂單, Subscriptions/訂閱 or Events/訂閱事件 (sheets: ${names.join(', ')})`
    )
  return checkKinds(files)
}

function checkKinds(files: FlowFile[]): FlowFile[] {
  const seen = new Set<FlowKind>()
  for (const f of files) {
    if (seen.has(f.kind)) throw new Error(`two files for ${f.kind}: give one file (or sheet) per kind`)
    seen.add(f.kind)
  }
  if (!files.length) throw new Error('no files: give --plan, --file KIND=FILE or --workbook FILE')
  return files
}
