// The prepare step's state: destination, mapping, value matches and the row grid's data version.
import { create } from 'zustand'
import type {
  ApiError,
  DateOrderChoice,
  MappingEntry,
  PrepareRow,
  PrepareSummary,
  PrepareView,
  TargetId,
  TargetView,
  TemplateView
} from '../../src-main/ipc/contract'
import { asApiError, call } from './api'
import { useAppStore } from './store'

interface PrepareState {
  targets: TargetView[]
  view: PrepareView | null
  /** The workbook view (sessionId) this preparation belongs to. */
  workbookId: string | null
  busy: boolean
  error: ApiError | null
  /** Bumped whenever rows may have changed (mapping, matches, exclusions): the grid reloads its pages. */
  version: number
  loadTargets(): Promise<void>
  start(sessionId: string, target: TargetId): Promise<boolean>
  /** Reopen a saved session: its file becomes the open workbook and its preparation the screen. */
  restore(id: string): Promise<void>
  setTarget(target: TargetId): Promise<void>
  setField(field: string, entry: MappingEntry | null): Promise<void>
  setValueMatch(field: string, value: string, match: string | null): Promise<void>
  editCell(row: number, column: string, value: string): Promise<PrepareRow | null>
  exclude(rows: number[], excluded: boolean): Promise<void>
  setOptions(change: {
    timezone?: string
    dateOrder?: Record<string, DateOrderChoice>
    metadataColumns?: string[]
    useSourceLayout?: boolean
    shipping?: { mode: 'as-line' | 'in-remarks'; lineName?: string }
  }): Promise<void>
  saveTemplate(name: string): Promise<TemplateView | null>
  /** One value into one column of the selected rows (each becomes an edit, re-validated). */
  setCells(rows: number[], column: string, value: string): Promise<void>
  /** SHOPLINE: the connection whose delivery option and payment method every order takes. */
  setProfile(profileId: string | null): Promise<void>
  /** Rows changed in a way the open grid pages cannot see (an edit re-validates other rows too): reload them. */
  touch(): void
  leave(): void
  dismissError(): void
}

let ticket = 0

export const usePrepareStore = create<PrepareState>()((set, get) => {
  // one change at a time; a late answer to an older change never overwrites a newer view
  async function update(load: () => Promise<PrepareView>): Promise<void> {
    const mine = ++ticket
    set({ busy: true, error: null })
    try {
      const view = await load()
      if (mine === ticket) set((s) => ({ view, busy: false, version: s.version + 1 }))
    } catch (error) {
      if (mine === ticket) set({ busy: false, error: asApiError(error) })
    }
  }

  const withSummary = (summary: PrepareSummary) => {
    const view = get().view
    if (view) set({ view: { ...view, summary } })
  }

  return {
    targets: [],
    view: null,
    workbookId: null,
    busy: false,
    error: null,
    version: 0,

    async loadTargets() {
      if (get().targets.length) return
      try {
        set({ targets: await call('targets.list', {}) })
      } catch (error) {
        set({ error: asApiError(error) })
      }
    },

    async start(sessionId, target) {
      set({ workbookId: sessionId })
      await update(() => call('prepare.start', { sessionId, target }))
      return get().view !== null
    },

    async restore(id) {
      const mine = ++ticket
      set({ busy: true, error: null })
      try {
        const { workbook, prep } = await call('sessions.restore', { id })
        if (mine !== ticket) return
        const previous = useAppStore.getState().view
        const previousPrep = get().view
        if (previousPrep && previousPrep.prepId !== prep.prepId)
          void call('prepare.close', { prepId: previousPrep.prepId }).catch(() => undefined)
        set((s) => ({ view: prep, workbookId: workbook.sessionId, busy: false, version: s.version + 1 }))
        useAppStore.setState({ view: workbook, opening: null, error: null })
        if (previous) void call('workbook.close', { sessionId: previous.sessionId }).catch(() => undefined)
      } catch (error) {
        if (mine === ticket) set({ busy: false, error: asApiError(error) })
      }
    },

    async setTarget(target) {
      const view = get().view
      if (view) await update(() => call('prepare.setTarget', { prepId: view.prepId, target }))
    },

    async setField(field, entry) {
      const view = get().view
      if (!view) return
      const mapping = { ...view.mapping }
      if (entry) mapping[field] = entry
      else delete mapping[field]
      await update(() => call('prepare.setMapping', { prepId: view.prepId, mapping }))
    },

    async setValueMatch(field, value, match) {
      const view = get().view
      if (view) await update(() => call('prepare.setValueMatch', { prepId: view.prepId, field, value, match }))
    },

    async editCell(row, column, value) {
      const view = get().view
      if (!view) return null
      try {
        const result = await call('prepare.editCell', { prepId: view.prepId, row, column, value })
        withSummary(result.summary)
        return result.row
      } catch (error) {
        set({ error: asApiError(error) })
        return null
      }
    },

    async exclude(rows, excluded) {
      const view = get().view
      if (!view) return
      try {
        const result = await call('prepare.exclude', { prepId: view.prepId, rows, excluded })
        withSummary(result.summary)
        set((s) => ({ version: s.version + 1 }))
      } catch (error) {
        set({ error: asApiError(error) })
      }
    },

    async setOptions(change) {
      const view = get().view
      if (view) await update(() => call('prepare.setOptions', { prepId: view.prepId, ...change }))
    },

    async saveTemplate(name) {
      const view = get().view
      if (!view) return null
      try {
        const template = await call('templates.save', { prepId: view.prepId, name })
        set({ view: { ...view, template: { id: template.id, name: template.name } } })
        return template
      } catch (error) {
        set({ error: asApiError(error) })
        return null
      }
    },

    async setProfile(profileId) {
      const view = get().view
      if (view) await update(() => call('prepare.setProfile', { prepId: view.prepId, profileId }))
    },

    async setCells(rows, column, value) {
      const view = get().view
      if (!view || rows.length === 0) return
      try {
        const result = await call('prepare.setCells', { prepId: view.prepId, rows, column, value })
        withSummary(result.summary)
        set((s) => ({ version: s.version + 1 }))
      } catch (error) {
        set({ error: asApiError(error) })
      }
    },

    touch: () => set((s) => ({ version: s.version + 1 })),

    leave() {
      ticket++
      const view = get().view
      set({ view: null, workbookId: null, busy: false, error: null })
      // main frees the preparation's table and validation (it stays saved and restorable)
      if (view) void call('prepare.close', { prepId: view.prepId }).catch(() => undefined)
    },

    dismissError: () => set({ error: null })
  }
})
