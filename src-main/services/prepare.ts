// Prepare (issue 3) behind the contract: an ImportSession per opened workbook + destination, seen by the renderer as views.
import { autoMap, unmappedColumns, validateMapping } from '../core/mapping/automap'
import { getSourceLayout, planFromLayout } from '../core/sources'
import { isColumnEntry, type ValueMatches } from '../core/mapping/types'
import { distinctCellTexts, suggestValueMatches } from '../core/mapping/values'
import { derivationPreviews } from '../core/mapping/derive-preview'
import { getTarget, TARGETS } from '../core/targets'
import type { Target, TargetId } from '../core/targets/types'
import type { PrepareSummary } from '../core/validation/types'
import { constantReach } from '../core/validation/constant-scope'
import { ImportSession } from '../core/workspace/import-session'
import { createSessionStore } from '../core/workspace/session-store'
import { createTemplateStore, type MappingTemplate } from '../core/workspace/templates'
import type {
  PrepareMethodResults,
  PrepareView,
  TargetView,
  TemplateView,
  ValueList,
  prepareMethodArgs
} from '../ipc/prepare-contract'
import type { z } from 'zod'
import { readFile } from 'node:fs/promises'
import { ServiceError } from './errors'
import { issueGroupPage } from './review'
import { autosaveEvents } from './autosave-events'
import type { OrderDockEvent } from '../ipc/contract'
import type { WorkbookSessions } from './workbook-sessions'
import { fileHeaders, lookupMethods, lookupParts } from './prepare-lookups'
import { openProgressively } from './prepare-progress'

/** Distinct values listed per enum column; more are summarised as "truncated". */
const MAX_LISTED_VALUES = 200
const MAX_OPEN_PREPARATIONS = 4
const EMPTY_SUMMARY: PrepareSummary = { rows: 0, valid: 0, invalid: 0, warnings: 0 }

type Args<M extends keyof typeof prepareMethodArgs> = z.output<(typeof prepareMethodArgs)[M]>
export type PrepareMethods = { [M in keyof PrepareMethodResults]: (args: Args<M>) => Promise<PrepareMethodResults[M]> }

export function targetView(target: Target): TargetView {
  return {
    id: target.id,
    label: { ...target.label },
    supportsMetadata: target.supportsMetadata === true,
    ...(target.notice ? { notice: { ...target.notice } } : {}),
    countsOrders: target.groupBy !== undefined && target.transport.mode === 'single',
    countsCustomers: target.mergeRows?.counts === 'customers',
    needsProfileChoices: target.profileChoices !== undefined,
    fields: target.fields.map((f) => ({
      key: f.key,
      label: { ...f.label },
      help: { ...f.help },
      required: f.required,
      type: f.type,
      enumValues: [...(f.enumValues ?? [])],
      perLine: f.perLine === true
    }))
  }
}

function templateView(template: MappingTemplate): TemplateView {
  return {
    id: template.id,
    name: template.name,
    target: template.target,
    headers: [...template.headers],
    updatedAt: template.updatedAt
  }
}

/** An IANA zone this runtime knows (Intl throws RangeError for anything else). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** A cell value such as "constructor" must not read Object.prototype (a function in the view breaks Electron's structured clone). */
function ownValue<T>(o: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined
}

function valueLists(target: Target, session: ImportSession): ValueList[] {
  const { mapping, valueMatches } = session.state
  const table = session.editedTable
  return target.fields.flatMap((field) => {
    const entry = mapping[field.key]
    if (field.type !== 'enum' || !isColumnEntry(entry)) return []
    const ci = table.headers.indexOf(entry.column)
    const all = ci < 0 ? [] : distinctCellTexts(table.rows.column(ci))
    const shown = all.slice(0, MAX_LISTED_VALUES)
    const suggested = suggestValueMatches(
      target,
      field.key,
      shown.map((v) => v.value)
    )
    const chosen = valueMatches[field.key] ?? {}
    return [
      {
        field: field.key,
        column: entry.column,
        truncated: all.length > shown.length,
        values: shown.map(({ value, count }) => ({
          value,
          count,
          suggested: ownValue(suggested, value) ?? null,
          match: ownValue(chosen, value) ?? ownValue(suggested, value) ?? null,
          chosen: Object.prototype.hasOwnProperty.call(chosen, value)
        }))
      }
    ]
  })
}

export function createPrepareServices(deps: {
  dataDir: string
  now: () => Date
  workbooks: WorkbookSessions
  // push: the services share this registry so a push can read an open preparation's records
  preparations?: Map<string, ImportSession>
  /** Autosave failures and recoveries become events (the app shows a banner). */
  emit?: (event: OrderDockEvent) => void
  autosaveRetryMs?: number
  /** SHOPLINE: a profile's delivery option and payment method (null when the profile is gone). */
  shoplineChoices?: (profileId: string) => Promise<{ deliveryOptionId?: string; paymentMethodId?: string } | null>
  /** SHOPLINE: the profile chosen when nothing was chosen yet (one with both choices made), or null. */
  defaultShoplineProfile?: () => Promise<string | null>
}): PrepareMethods {
  const store = createSessionStore(deps.dataDir, deps.now)
  const templates = createTemplateStore(deps.dataDir, deps.now)
  const open = deps.preparations ?? new Map<string, ImportSession>()
  const sessionDeps = { store, templates, ...autosaveEvents(deps.emit), autosaveRetryMs: deps.autosaveRetryMs }
  const appliedTemplates = new Map<string, { id: string; name: string }>()
  const chosenProfiles = new Map<string, string>()

  /** SHOPLINE preparations take the chosen (else the default) profile's choices; others need none. */
  const applyProfile = async (prepId: string, session: ImportSession, profileId?: string | null): Promise<void> => {
    if (!session.state.target || !getTarget(session.state.target)?.profileChoices) return session.setShopline(null)
    let id = profileId === undefined ? (chosenProfiles.get(prepId) ?? null) : profileId
    if (profileId === undefined && id === null) id = (await deps.defaultShoplineProfile?.()) ?? null
    const ids = id ? ((await deps.shoplineChoices?.(id)) ?? null) : null
    if (id) chosenProfiles.set(prepId, id)
    else chosenProfiles.delete(prepId)
    session.setShopline(ids)
  }

  /** Leave a preparation: its edits are saved, then its table and validation are let go (it stays restorable from disk). */
  const forget = (prepId: string, session: ImportSession): void => {
    open.delete(prepId)
    appliedTemplates.delete(prepId)
    chosenProfiles.delete(prepId)
    void session
      .flush()
      .catch(() => undefined)
      .finally(() => session.release())
  }

  const get = (prepId: string): { session: ImportSession; target: Target } => {
    const session = open.get(prepId)
    const target = session?.state.target ? getTarget(session.state.target) : undefined
    if (!session || !target)
      throw new ServiceError(
        'no_session',
        `This preparation is no longer open (${prepId.slice(0, 8)}). Open the file again.`
      )
    return { session, target }
  }

  const view = (prepId: string): PrepareView => {
    const { session, target } = get(prepId)
    const headers = session.headers
    const mapping = session.state.mapping
    const confidence: PrepareView['confidence'] = {}
    const layout = session.state.sourceLayout ? getSourceLayout(session.state.sourceLayout) : undefined
    const plan = layout ? planFromLayout(layout, target, headers) : null
    for (const match of autoMap(target, fileHeaders(session)).matches) {
      // a lookup's column is not rated by its words
      const entry = mapping[match.field]
      if (isColumnEntry(entry) && entry.column === match.column)
        confidence[match.field] = {
          confidence: match.confidence,
          reason: match.reason,
          ...(match.note ? { note: match.note } : {})
        }
    }
    // Fields still mapped as the recognized export's layout says are rated by it, not by the header's words.
    for (const [field, e] of Object.entries(plan?.mapping ?? {})) {
      const entry = mapping[field]
      if (isColumnEntry(e) && isColumnEntry(entry) && entry.column === e.column)
        confidence[field] = { confidence: 1, reason: 'source' }
    }
    return {
      prepId,
      target: target.id,
      headers,
      mapping,
      confidence,
      problems: validateMapping(target, mapping, headers),
      summary: session.summary() ?? EMPTY_SUMMARY,
      valueLists: valueLists(target, session),
      ambiguousDateColumns: session.preparation?.ambiguousDateColumns ?? [],
      unmappedColumns: unmappedColumns(mapping, headers),
      totalRows: session.editedTable.rows.length,
      timezone: session.state.timezone,
      dateOrder: { ...session.state.dateOrder },
      metadataColumns: [...session.state.metadataColumns],
      template: appliedTemplates.get(prepId) ?? null,
      source:
        layout && plan
          ? {
              id: layout.id,
              label: { ...layout.label },
              lacks: plan.lacks.filter((l) => !mapping[l.field]).map((l) => ({ field: l.field, why: { ...l.why } }))
            }
          : null,
      useSourceLayout: session.state.useSourceLayout !== false,
      shipping: { ...(session.state.shipping ?? { mode: 'as-line' }) },
      derived: derivationPreviews(mapping, session.editedTable),
      profileId:
        session.state.target && getTarget(session.state.target)?.profileChoices
          ? (chosenProfiles.get(prepId) ?? null)
          : null,
      ...lookupParts(session, target),
      ...(session.progress ? { progress: session.progress } : {})
    }
  }

  return {
    ...lookupMethods(get, view),
    'targets.list': async () => Object.values(TARGETS).map(targetView),

    'prepare.start': async ({ sessionId, target }) => {
      const { source, options } = deps.workbooks.sourceOf(sessionId)
      const session = await ImportSession.create(source, sessionDeps)
      session.state.sheet = options.sheet ?? null
      session.state.headerRow = options.headerRow ?? null
      session.state.encoding = options.encoding ?? null
      await session.setTarget(target as TargetId)
      await applyProfile(session.state.id, session)
      // issue 14: answer with the first validated rows; the rest are read and validated behind ('prepare.progress')
      const id = session.state.id
      const progressive = openProgressively(session, deps.workbooks.headOf(sessionId), deps.emit, () =>
        forget(id, session)
      )
      const first = await progressive.first
      if (first.kind === 'finished' && !first.outcome.ok) {
        const { error } = first.outcome
        throw new ServiceError(error.code, error.message, error.file)
      }
      open.set(id, session)
      const template = first.kind === 'first-page' ? first.template : first.outcome.ok ? first.outcome.template : null
      if (template) appliedTemplates.set(id, { id: template.id, name: template.name })
      void progressive.done.then(
        (outcome) => {
          if (outcome.ok && outcome.template && open.get(id) === session)
            appliedTemplates.set(id, { id: outcome.template.id, name: outcome.template.name })
        },
        () => undefined
      )
      // keep memory bounded: the oldest preparations are saved and dropped (they stay restorable from disk)
      for (const [id, old] of open) {
        if (open.size <= MAX_OPEN_PREPARATIONS) break
        forget(id, old)
      }
      return view(session.state.id)
    },

    'prepare.setTarget': async ({ prepId, target }) => {
      const { session } = get(prepId)
      const template = await session.setTarget(target as TargetId)
      await applyProfile(prepId, session)
      if (template) appliedTemplates.set(prepId, { id: template.id, name: template.name })
      else appliedTemplates.delete(prepId)
      return view(prepId)
    },

    'prepare.setOptions': async ({ prepId, timezone, dateOrder, metadataColumns, useSourceLayout, shipping }) => {
      const { session } = get(prepId)
      if (shipping !== undefined) session.setShipping(shipping)
      if (useSourceLayout !== undefined && useSourceLayout !== (session.state.useSourceLayout !== false)) {
        const template = await session.setUseSourceLayout(useSourceLayout)
        if (template) appliedTemplates.set(prepId, { id: template.id, name: template.name })
        else appliedTemplates.delete(prepId)
      }
      if (timezone !== undefined) {
        if (!isTimeZone(timezone))
          throw new ServiceError(
            'bad_timezone',
            `“${timezone}” is not a time zone (use an IANA name such as Asia/Taipei).`
          )
        session.setTimezone(timezone)
      }
      if (dateOrder !== undefined) session.setDateOrder({ ...session.state.dateOrder, ...dateOrder })
      if (metadataColumns !== undefined) {
        const unknown = metadataColumns.filter((column) => !session.headers.includes(column))
        if (unknown.length)
          throw new ServiceError(
            'unknown_column',
            `No column named ${unknown.map((c) => `“${c}”`).join(', ')} in this sheet.`
          )
        session.setMetadataColumns(metadataColumns)
      }
      return view(prepId)
    },

    'sessions.list': async () => store.list(),

    'sessions.restore': async ({ id }) => {
      const session = open.get(id) ?? (await ImportSession.restore(id, sessionDeps))
      if (!session) throw new ServiceError('not_found', 'This saved session cannot be found or read any more.')
      if (!open.has(id)) {
        if (!session.state.target) await session.setTarget('zangsho.orders')
        await applyProfile(id, session)
        const outcome = await session.open()
        if (!outcome.ok) throw new ServiceError(outcome.error.code, outcome.error.message, outcome.error.file)
        open.set(id, session)
      }
      const { state } = session
      // the preview reads the session's own copy of the file, with the sheet / header row / encoding it was saved with
      const bytes = new Uint8Array(await readFile(state.source.copyPath))
      const pinned = {
        ...(state.sheet ? { sheet: state.sheet } : {}),
        ...(state.headerRow ? { headerRow: state.headerRow } : {}),
        ...(state.encoding ? { encoding: state.encoding } : {})
      }
      const workbook = await deps.workbooks.openSource({ name: state.source.name, bytes }, pinned)
      return { workbook, prep: view(id) }
    },

    'sessions.remove': async ({ id }) => {
      const session = open.get(id)
      if (session) await session.flush()
      open.delete(id)
      await store.remove(id)
      return { removed: true as const }
    },

    'templates.list': async () => (await templates.list()).map(templateView),

    'templates.save': async ({ prepId, name }) => {
      const saved = await get(prepId).session.saveTemplate(name)
      if (!saved) throw new ServiceError('no_target', 'Choose a destination before saving the mapping as a template.')
      appliedTemplates.set(prepId, { id: saved.id, name: saved.name })
      return templateView(saved)
    },

    'templates.rename': async ({ id, name }) => {
      const renamed = await templates.rename(id, name)
      if (!renamed) throw new ServiceError('not_found', 'That template no longer exists.')
      return templateView(renamed)
    },

    'templates.remove': async ({ id }) => ({ removed: await templates.remove(id) }),

    'prepare.setMapping': async ({ prepId, mapping }) => {
      get(prepId).session.setMapping(mapping)
      return view(prepId)
    },

    'prepare.setValueMatch': async ({ prepId, field, value, match }) => {
      const { session, target } = get(prepId)
      const def = target.fields.find((f) => f.key === field)
      if (!def || def.type !== 'enum')
        throw new ServiceError('bad_field', `“${field}” is not a field with fixed values.`)
      if (match !== null && !(def.enumValues ?? []).includes(match)) {
        throw new ServiceError(
          'bad_value',
          `“${match}” is not one of ${field}'s values: ${(def.enumValues ?? []).join(', ')}.`
        )
      }
      // prototype-free: a value named "__proto__" is a key like any other
      const next: ValueMatches = {
        ...session.state.valueMatches,
        [field]: Object.assign(Object.create(null) as Record<string, string>, session.state.valueMatches[field])
      }
      if (match === null) delete next[field][value]
      else next[field][value] = match
      session.setValueMatches(next)
      return view(prepId)
    },

    'prepare.rows': async ({ prepId, offset, limit, filter, issue }) => {
      const { session } = get(prepId)
      // review: one group of the issues panel (its rows, ascending)
      if (issue) return issueGroupPage(session, issue, offset, limit)
      const page = session.page(offset, limit, filter)
      return { offset: page.offset, total: page.total, rows: page.rows, summary: session.summary() ?? EMPTY_SUMMARY }
    },

    'prepare.editCell': async ({ prepId, row, column, value }) => {
      const { session } = get(prepId)
      try {
        const updated = session.editCell(row, column, value)
        return { row: updated, summary: session.summary() ?? EMPTY_SUMMARY }
      } catch (error) {
        throw new ServiceError('bad_cell', error instanceof Error ? error.message : String(error))
      }
    },

    'prepare.setProfile': async ({ prepId, profileId }) => {
      await applyProfile(prepId, get(prepId).session, profileId)
      return view(prepId)
    },

    'prepare.constantReach': async ({ prepId, field }) => {
      const { session, target } = get(prepId)
      if (!target.fields.some((f) => f.key === field))
        throw new ServiceError('bad_field', `“${field}” is not a field of ${target.label.en}.`)
      const s = session.state
      const settings = {
        target: target.id,
        mapping: s.mapping,
        valueMatches: s.valueMatches,
        timezone: s.timezone,
        dateOrder: s.dateOrder,
        metadataColumns: s.metadataColumns,
        excludedRows: s.excluded
      }
      return constantReach(session.editedTable, settings, target, field)
    },

    'prepare.setCells': async ({ prepId, rows, column, value }) => {
      const { session } = get(prepId)
      if (!session.headers.includes(column))
        throw new ServiceError('unknown_column', `No column named “${column}” in this sheet.`)
      const changed = session.editCells(rows, column, value)
      return { changed, summary: session.summary() ?? EMPTY_SUMMARY }
    },

    'prepare.rowNumbers': async ({ prepId, filter }) => ({ rows: get(prepId).session.rowNumbers(filter) }),

    'prepare.close': async ({ prepId }) => {
      const session = open.get(prepId)
      if (session) forget(prepId, session)
      return { closed: Boolean(session) }
    },

    'prepare.exclude': async ({ prepId, rows, excluded }) => {
      const { session } = get(prepId)
      session.setExcluded(rows, excluded)
      return { summary: session.summary() ?? EMPTY_SUMMARY }
    }
  }
}
