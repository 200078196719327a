// App state (zustand): what is open, what is loading, what went wrong. All data comes from the main process through call().
import { create } from 'zustand'
import type {
  ApiError,
  AppInfo,
  Localized,
  OrderDockEvent,
  SampleInfo,
  WorkbookView
} from '../../src-main/ipc/contract'
import { asApiError, call, onEvent } from './api'
import { mutate } from './queries/mutation'

/** Same default cap as the reader: refuse before copying a huge file into memory. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024

export interface PreviewChange {
  sheet?: string
  headerRow?: number
  encoding?: string
}

interface AppState {
  info: AppInfo | null
  samples: SampleInfo[]
  view: WorkbookView | null
  /** The file being opened, shown while we wait. */
  opening: string | null
  updating: boolean
  error: ApiError | null
  notice: Localized | null
  /** Autosave is failing (e.g. the disk is full): shown until a save works again. */
  saveProblem: Localized | null
  init(): Promise<void>
  openFile(file: File): Promise<void>
  openSample(name: string): Promise<void>
  openWithDialog(): Promise<void>
  changePreview(change: PreviewChange): Promise<void>
  closeWorkbook(): void
  dismissError(): void
  dismissNotice(): void
}

const closeSession = (sessionId: string) => void call('workbook.close', { sessionId }).catch(() => undefined)

export const useAppStore = create<AppState>()((set, get) => {
  // `opening` names the file the user waits for: an answer for another file (the user picked a newer one, or
  // closed it meanwhile) is dropped, and its session freed
  async function open(file: string, load: () => Promise<WorkbookView | null>): Promise<void> {
    set({ opening: file, error: null })
    const wanted = () => get().opening === file
    try {
      const view = await mutate({ scope: 'workbook', run: load })
      if (!wanted()) {
        if (view) closeSession(view.sessionId)
        return
      }
      const previous = get().view
      set(view ? { view, opening: null } : { opening: null })
      if (view && previous) closeSession(previous.sessionId)
    } catch (error) {
      if (wanted()) set({ opening: null, error: { file, ...asApiError(error) } })
    }
  }

  return {
    info: null,
    samples: [],
    view: null,
    opening: null,
    updating: false,
    error: null,
    notice: null,
    saveProblem: null,

    async init() {
      try {
        const [info, samples] = await Promise.all([call('app.info', {}), call('samples.list', {})])
        set({ info, samples })
      } catch (error) {
        set({ error: asApiError(error) })
      }
    },

    async openFile(file) {
      if (file.size > MAX_FILE_BYTES) {
        set({
          error: {
            code: 'too_large',
            file: file.name,
            message: `${file.name}: ${file.size} bytes (limit ${MAX_FILE_BYTES})`
          }
        })
        return
      }
      await open(file.name, async () =>
        call('workbook.open', { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })
      )
    },

    openSample: (name) => open(name, () => call('samples.open', { name })),

    async openWithDialog() {
      // nothing is "opening" while the native dialog is up; main sends workbook.opening once a file is chosen
      try {
        const view = await call('dialog.open', {})
        if (!view) return
        const previous = get().view
        set({ view, opening: null, error: null })
        if (previous && previous.sessionId !== view.sessionId)
          void call('workbook.close', { sessionId: previous.sessionId }).catch(() => undefined)
      } catch (error) {
        set({ opening: null, error: asApiError(error) })
      }
    },

    async changePreview(change) {
      const current = get().view
      if (!current) return
      // changes run in order (scope 'workbook'), so the last answer is the newest; dropped if the file was closed
      const same = () => get().view?.sessionId === current.sessionId
      set({ updating: true, error: null })
      try {
        const view = await mutate({
          scope: 'workbook',
          run: () => call('workbook.preview', { sessionId: current.sessionId, ...change })
        })
        if (same()) set({ view, updating: false })
      } catch (error) {
        if (same()) set({ updating: false, error: { file: current.file, ...asApiError(error) } })
      }
    },

    closeWorkbook() {
      const current = get().view
      set({ view: null, opening: null, error: null })
      if (current) void call('workbook.close', { sessionId: current.sessionId }).catch(() => undefined)
    },

    dismissError: () => set({ error: null }),
    dismissNotice: () => set({ notice: null })
  }
})

/** Pushes from the main process (File → Open, "Open with", the menu's language switch, updater notices). */
export function handleEvent(event: OrderDockEvent, setLanguage: (language: 'zh-TW' | 'en') => void): void {
  const { setState, getState } = useAppStore
  switch (event.type) {
    case 'workbook.opening':
      setState({ opening: event.file, error: null })
      break
    case 'workbook.opened': {
      const previous = getState().view
      setState({ view: event.view, opening: null, error: null })
      if (previous && previous.sessionId !== event.view.sessionId)
        void call('workbook.close', { sessionId: previous.sessionId }).catch(() => undefined)
      break
    }
    case 'workbook.open-failed':
      setState({ opening: null, error: event.error })
      break
    case 'app.language':
      setLanguage(event.language)
      break
    case 'app.notice':
      setState({ notice: event.message })
      break
    case 'autosave.failed':
      setState({ saveProblem: event.message })
      break
    case 'autosave.recovered':
      setState({ saveProblem: null })
      break
  }
}

export function subscribeToMain(setLanguage: (language: 'zh-TW' | 'en') => void): () => void {
  return onEvent((event) => handleEvent(event, setLanguage))
}
