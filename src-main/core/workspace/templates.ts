// Mapping templates remembered per header layout: the same columns (any order, any letter case) get the same mapping.
import { createHash, randomBytes } from 'node:crypto'
import { readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { deriveEntrySchema } from '../mapping/derivation-schema'
import { renameDerivationColumns } from '../mapping/derive'
import { writeFileAtomic } from '../fs/atomic-write'
import type { Mapping, MappingEntry, ValueMatches } from '../mapping/types'
import type { DateOrder } from '../mapping/dates'
import { TARGET_IDS, type TargetId } from '../targets/types'

export interface MappingTemplate {
  id: string
  name: string
  layoutKey: string
  /** The headers as they were when the template was saved. */
  headers: string[]
  target: TargetId
  mapping: Mapping
  valueMatches: ValueMatches
  dateOrder: Record<string, DateOrder>
  createdAt: string
  updatedAt: string
}

export interface TemplateInput {
  name: string
  headers: string[]
  target: TargetId
  mapping: Mapping
  valueMatches?: ValueMatches
  dateOrder?: Record<string, DateOrder>
}

export interface TemplateStore {
  list(): Promise<MappingTemplate[]>
  /** The template for this layout and target, with its column names rewritten to these headers' spelling; null if none. */
  findFor(headers: string[], target: TargetId): Promise<MappingTemplate | null>
  /** Create, or replace the template already saved for the same layout and target (keeping its id). */
  save(input: TemplateInput): Promise<MappingTemplate>
  rename(id: string, name: string): Promise<MappingTemplate | null>
  remove(id: string): Promise<boolean>
}

/** NFKC, trim, collapse spaces, case-fold: "Order No." and " ORDER  NO. " are the same header. */
export function normalizeHeader(header: string): string {
  return String(header ?? '')
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase()
}

// The reader names blank headers by position ("Column F"); they carry no meaning and move when columns are reordered.
const GENERATED_HEADER = /^column [a-z]{1,3}$/

/** A stable hash of the set of (normalized) headers: order-independent, blank placeholder columns ignored. */
export function layoutKey(headers: string[]): string {
  const names = [...new Set(headers.map(normalizeHeader).filter((h) => h !== '' && !GENERATED_HEADER.test(h)))].sort()
  return createHash('sha256').update(JSON.stringify(names)).digest('hex').slice(0, 32)
}

const FILE = 'templates.json'
const entrySchema = z.union([
  z.object({ column: z.string(), constant: z.union([z.string(), z.number(), z.boolean()]).optional() }),
  z.object({ constant: z.union([z.string(), z.number(), z.boolean()]) }),
  deriveEntrySchema
])
const templateSchema = z.object({
  id: z.string(),
  name: z.string(),
  layoutKey: z.string(),
  headers: z.array(z.string()),
  target: z.enum(TARGET_IDS as unknown as [TargetId, ...TargetId[]]),
  mapping: z.record(z.string(), entrySchema),
  valueMatches: z.record(z.string(), z.record(z.string(), z.string())),
  dateOrder: z.record(z.string(), z.enum(['ymd', 'dmy', 'mdy'])),
  createdAt: z.string(),
  updatedAt: z.string()
})
const fileSchema = z.object({ version: z.literal(1), templates: z.array(templateSchema) })

export function createTemplateStore(dataDir: string, clock: () => Date = () => new Date()): TemplateStore {
  const path = join(dataDir, FILE)
  let queue: Promise<unknown> = Promise.resolve()
  // Mutations run one at a time and re-read the file, so two windows never drop each other's changes.
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.catch(() => undefined).then(work)
    queue = next
    return next
  }

  async function read(): Promise<MappingTemplate[]> {
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
      text = ''
    }
    try {
      const parsed = fileSchema.safeParse(JSON.parse(text))
      if (parsed.success) return parsed.data.templates as MappingTemplate[]
    } catch {
      // fall through: damaged file
    }
    await rename(path, `${path}.${clock().getTime()}.corrupt`).catch(() => undefined)
    return []
  }

  const write = (templates: MappingTemplate[]) =>
    writeFileAtomic(path, JSON.stringify({ version: 1, templates }, null, 1))

  return {
    async list() {
      const all = await serial(read)
      return [...all].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    },
    async findFor(headers, target) {
      const key = layoutKey(headers)
      const found = (await serial(read)).find((t) => t.layoutKey === key && t.target === target)
      return found ? respell(found, headers) : null
    },
    save(input) {
      return serial(async () => {
        const all = await read()
        const key = layoutKey(input.headers)
        const now = clock().toISOString()
        const existing = all.find((t) => t.layoutKey === key && t.target === input.target)
        const template: MappingTemplate = {
          id: existing?.id ?? `t-${randomBytes(6).toString('hex')}`,
          name: input.name.trim() || existing?.name || input.headers.slice(0, 3).join(', '),
          layoutKey: key,
          headers: [...input.headers],
          target: input.target,
          mapping: structuredClone(input.mapping),
          valueMatches: structuredClone(input.valueMatches ?? {}),
          dateOrder: { ...(input.dateOrder ?? {}) },
          createdAt: existing?.createdAt ?? now,
          updatedAt: now
        }
        await write([...all.filter((t) => t !== existing), template])
        return template
      })
    },
    rename(id, name) {
      return serial(async () => {
        const all = await read()
        const found = all.find((t) => t.id === id)
        if (!found || !name.trim()) return null
        found.name = name.trim()
        found.updatedAt = clock().toISOString()
        await write(all)
        return found
      })
    },
    remove(id) {
      return serial(async () => {
        const all = await read()
        const kept = all.filter((t) => t.id !== id)
        if (kept.length === all.length) return false
        await write(kept)
        return true
      })
    }
  }
}

/** Rewrite column references (mapping, dateOrder) to the spelling of the headers in the file at hand. */
function respell(template: MappingTemplate, headers: string[]): MappingTemplate {
  const byNorm = new Map(headers.map((h) => [normalizeHeader(h), h]))
  const fix = (column: string) => byNorm.get(normalizeHeader(column)) ?? column
  const mapping: Mapping = {}
  for (const [field, entry] of Object.entries(template.mapping)) {
    mapping[field] =
      'column' in entry
        ? ({ column: fix(entry.column) } as MappingEntry)
        : 'derive' in entry
          ? { derive: renameDerivationColumns(entry.derive, fix) }
          : entry
  }
  const dateOrder: Record<string, DateOrder> = {}
  for (const [column, order] of Object.entries(template.dateOrder)) dateOrder[fix(column)] = order
  return { ...template, mapping, dateOrder }
}
