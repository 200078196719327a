// The prepare step's state: the preparation's view (mapping, value matches, summary) and what is running. Its rows,
// issue groups and row numbers are queries (queries/row-pages.ts) that each change here refreshes.
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
import { keys } from './queries/keys'
import { mutate, refreshPrep } from './queries/mutation'
import { putRow } from './queries/row-cache'
import { useAppStore } from './store'

interface PrepareState {
  targets: TargetView[]
  view: PrepareView | null
  /** The workbook view (sessionId) this preparation belongs to. */
  workbookId: string | null
  busy: boolean
  error: ApiError | null
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

export const usePrepareStore = create<PrepareState>()((set, get) => {
  // changes run one at a time (mutation scope 'prepare'), so answers arrive in the order asked and the last one
  // shown is the newest; an answer for a preparation the user has left meanwhile is dropped
  async function update(load: () => Promise<PrepareView>): Promise<void> {
    const workbookId = get().workbookId
    const stillHere = () => get().workbookId === workbookId
    set({ busy: true, error: null })
    try {
      const view = await mutate({ scope: 'prepare', run: load })
      if (!stillHere()) return
      set({ view, busy: false })
      refreshPrep(view.prepId)
    } catch (error) {
      if (stillHere()) set({ busy: false, error: asApiError(error) })
    }
  }

  /** A change whose answer is only the new summary: the rows it touched are read again. */
  async function changeRows<T extends { summary: PrepareSummary }>(run: () => Promise<T>): Promise<T | null> {
    const view = get().view
    if (!view) return null
    try {
      const result = await mutate({ scope: 'prepare', run })
      withSummary(result.summary)
      refreshPrep(view.prepId)
      return result
    } catch (error) {
      set({ error: asApiError(error) })
      return null
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
      set({ busy: true, error: null })
      try {
        const { workbook, prep } = await mutate({
          scope: 'prepare',
          run: () => call('sessions.restore', { id }),
          invalidates: () => [keys.sessions]
        })
        const previous = useAppStore.getState().view
        const previousPrep = get().view
        if (previousPrep && previousPrep.prepId !== prep.prepId)
          void call('prepare.close', { prepId: previousPrep.prepId }).catch(() => undefined)
        set({ view: prep, workbookId: workbook.sessionId, busy: false })
        refreshPrep(prep.prepId)
        useAppStore.setState({ view: workbook, opening: null, error: null })
        if (previous) void call('workbook.close', { sessionId: previous.sessionId }).catch(() => undefined)
      } catch (error) {
        set({ busy: false, error: asApiError(error) })
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
        const result = await mutate({
          scope: 'prepare',
          run: () => call('prepare.editCell', { prepId: view.prepId, row, column, value })
        })
        withSummary(result.summary)
        // the edited row shows its new value at once; the edit re-validates other rows too (duplicates, the rest of a
        // SHOPLINE order) and moves rows in or out of a filter, so the pages are read again
        putRow(view.prepId, result.row)
        refreshPrep(view.prepId)
        return result.row
      } catch (error) {
        set({ error: asApiError(error) })
        return null
      }
    },

    async exclude(rows, excluded) {
      const view = get().view
      if (view) await changeRows(() => call('prepare.exclude', { prepId: view.prepId, rows, excluded }))
    },

    async setOptions(change) {
      const view = get().view
      if (view) await update(() => call('prepare.setOptions', { prepId: view.prepId, ...change }))
    },

    async saveTemplate(name) {
      const view = get().view
      if (!view) return null
      try {
        const template = await mutate({
          run: () => call('templates.save', { prepId: view.prepId, name }),
          invalidates: () => [keys.templates]
        })
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
      await changeRows(() => call('prepare.setCells', { prepId: view.prepId, rows, column, value }))
    },

    touch() {
      const view = get().view
      if (view) refreshPrep(view.prepId)
    },

    leave() {
      const view = get().view
      set({ view: null, workbookId: null, busy: false, error: null })
      // main frees the preparation's table and validation (it stays saved and restorable)
      if (view) void call('prepare.close', { prepId: view.prepId }).catch(() => undefined)
    },

    dismissError: () => set({ error: null })
  }
})
