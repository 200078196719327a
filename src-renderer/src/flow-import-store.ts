// Multi-file import state (zustand): one file (or workbook sheet) per step, each prepared and reviewed on the usual screens,
// then pushed in the guide's order as one job. Only what the screen shows is kept here: the flow's status and the list
// of unfinished flows are queries (queries/flow.ts).
import { create } from 'zustand'
import type {
  ApiError,
  FlowKindName,
  FlowSheetGuess,
  PrepareView,
  TargetId,
  WorkbookView
} from '../../src-main/ipc/contract'
import { asApiError, call } from './api'
import { usePrepareStore } from './prepare-store'
import { readFlowStatus } from './queries/flow'
import { putFlowStatus } from './queries/flow-status'
import { MAX_FILE_BYTES, useAppStore } from './store'

export const FLOW_KINDS: readonly FlowKindName[] = ['customers', 'orders', 'subscriptions', 'events']
export const FLOW_TARGET: Record<FlowKindName, TargetId> = {
  customers: 'zangsho.customers',
  orders: 'zangsho.orders',
  subscriptions: 'zangsho.subscriptions',
  events: 'zangsho.subscription_events'
}

export interface FlowSlot {
  workbook: WorkbookView
  prep: PrepareView
  /** File name, and the sheet when it came from a workbook. */
  file: string
  sheet: string | null
}

export interface SheetChoice {
  sessionId: string
  file: string
  sheets: FlowSheetGuess[]
  /** The kind the user confirmed per sheet ('' = leave out). */
  kinds: Record<string, FlowKindName | ''>
}

interface FlowImportState {
  open: boolean
  slots: Partial<Record<FlowKindName, FlowSlot>>
  sheetChoice: SheetChoice | null
  reviewing: FlowKindName | null
  busy: string | null
  error: ApiError | null
  /** The flow the screen watches (started or resumed here). */
  flowId: string | null
  show(): void
  hide(): void
  addFile(kind: FlowKindName, file: File): Promise<void>
  openWorkbook(file: File): Promise<void>
  setSheetKind(sheet: string, kind: FlowKindName | ''): void
  confirmSheets(): Promise<void>
  remove(kind: FlowKindName): void
  review(kind: FlowKindName): void
  backFromReview(): void
  start(profileId: string): Promise<void>
  cancel(): Promise<void>
  resume(flowId: string): Promise<void>
  exportReport(kind: FlowKindName): Promise<string | null>
  /** A read of the watched flow's status failed (polling stops): say so like any other failure. */
  showError(error: unknown): void
  dismissError(): void
}

async function readBytes(file: File): Promise<{ name: string; bytes: Uint8Array<ArrayBuffer> }> {
  if (file.size > MAX_FILE_BYTES) throw new Error(`${file.name}: ${file.size} bytes (limit ${MAX_FILE_BYTES})`)
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
}

export const useFlowImportStore = create<FlowImportState>()((set, get) => {
  async function busyDo(what: string, work: () => Promise<void>): Promise<void> {
    set({ busy: what, error: null })
    try {
      await work()
    } catch (error) {
      set({ error: asApiError(error) })
    } finally {
      set({ busy: null })
    }
  }

  async function prepareSlot(kind: FlowKindName, workbook: WorkbookView, file: string, sheet: string | null) {
    const prep = await call('prepare.start', { sessionId: workbook.sessionId, target: FLOW_TARGET[kind] })
    const previous = get().slots[kind]
    set((s) => ({ slots: { ...s.slots, [kind]: { workbook, prep, file, sheet } } }))
    if (previous) void call('prepare.close', { prepId: previous.prep.prepId }).catch(() => undefined)
  }

  return {
    open: false,
    slots: {},
    sheetChoice: null,
    reviewing: null,
    busy: null,
    error: null,
    flowId: null,

    show: () => set({ open: true }),
    hide: () => set({ open: false, reviewing: null }),

    addFile: (kind, file) =>
      busyDo(`file:${kind}`, async () => {
        const workbook = await call('workbook.open', await readBytes(file))
        await prepareSlot(kind, workbook, file.name, null)
      }),

    openWorkbook: (file) =>
      busyDo('workbook', async () => {
        const workbook = await call('workbook.open', await readBytes(file))
        const { sheets } = await call('flow.sheetKinds', { sessionId: workbook.sessionId })
        const kinds: Record<string, FlowKindName | ''> = {}
        const taken = new Set<FlowKindName>()
        for (const s of sheets) {
          // one sheet per kind: a second sheet of the same kind starts unchosen
          kinds[s.sheet] = s.kind && !taken.has(s.kind) ? s.kind : ''
          if (s.kind) taken.add(s.kind)
        }
        set({ sheetChoice: { sessionId: workbook.sessionId, file: file.name, sheets, kinds } })
      }),

    setSheetKind(sheet, kind) {
      const choice = get().sheetChoice
      if (!choice) return
      const kinds = { ...choice.kinds }
      // choosing a kind another sheet had moves it here
      if (kind) for (const k of Object.keys(kinds)) if (kinds[k] === kind) kinds[k] = ''
      kinds[sheet] = kind
      set({ sheetChoice: { ...choice, kinds } })
    },

    confirmSheets: () =>
      busyDo('sheets', async () => {
        const choice = get().sheetChoice
        if (!choice) return
        for (const s of choice.sheets) {
          const kind = choice.kinds[s.sheet]
          if (!kind) continue
          const workbook = await call('flow.openSheet', { sessionId: choice.sessionId, sheet: s.sheet })
          await prepareSlot(kind, workbook, choice.file, s.sheet)
        }
        set({ sheetChoice: null })
      }),

    remove(kind) {
      const slot = get().slots[kind]
      const slots = { ...get().slots }
      delete slots[kind]
      set({ slots })
      if (slot) void call('prepare.close', { prepId: slot.prep.prepId }).catch(() => undefined)
    },

    review(kind) {
      const slot = get().slots[kind]
      if (!slot) return
      // the usual prepare screen on this file; the prepare store first, so the app never sees a mismatched pair
      usePrepareStore.setState({
        view: slot.prep,
        workbookId: slot.workbook.sessionId,
        busy: false,
        error: null
      })
      useAppStore.setState({ view: slot.workbook, opening: null, error: null })
      set({ reviewing: kind })
    },

    backFromReview() {
      const kind = get().reviewing
      const prep = usePrepareStore.getState().view
      const slot = kind ? get().slots[kind] : undefined
      if (kind && slot && prep && prep.prepId === slot.prep.prepId)
        set((s) => ({ slots: { ...s.slots, [kind]: { ...slot, prep } } }))
      // leave without closing: the preparation stays open for the push
      usePrepareStore.setState({ view: null, workbookId: null, busy: false, error: null })
      useAppStore.setState({ view: null })
      set({ reviewing: null })
    },

    start: (profileId) =>
      busyDo('start', async () => {
        const slots = get().slots
        const steps = FLOW_KINDS.flatMap((kind) => {
          const slot = slots[kind]
          return slot ? [{ kind, prepId: slot.prep.prepId }] : []
        })
        const { flowId } = await call('flow.start', { profileId, steps })
        await readFlowStatus(flowId)
        set({ flowId })
      }),

    cancel: async () => {
      const flowId = get().flowId
      if (!flowId) return
      try {
        putFlowStatus(flowId, await call('flow.cancel', { flowId }))
      } catch (error) {
        set({ error: asApiError(error) })
      }
    },

    resume: (flowId) =>
      busyDo('resume', async () => {
        await call('flow.resume', { flowId })
        await readFlowStatus(flowId)
        set({ open: true, flowId })
      }),

    async exportReport(kind) {
      const flowId = get().flowId
      if (!flowId) return null
      try {
        return (await call('flow.exportReport', { flowId, kind, format: 'xlsx' })).path
      } catch (error) {
        set({ error: asApiError(error) })
        return null
      }
    },

    showError: (error) => set({ error: asApiError(error) }),
    dismissError: () => set({ error: null })
  }
})
