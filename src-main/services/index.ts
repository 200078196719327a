// Electron-free services behind the contract. The desktop app, the browser e2e harness and tests all run this same code;
// side effects (fetch, clock, data directory, native file picker) are passed in.
import { basename, join } from 'node:path'
import type { AppInfo, Language, OrderDockEvent, ServiceMethods } from '../ipc/contract'
import { ServiceError, toApiError } from './errors'
import { listSamples, samplePath } from './samples'
import { WorkbookSessions } from './workbook-sessions'
import { keepParseWorkerWarm } from './workbook-reader'
import { limitHeapGrowth } from '../core/heap-growth'
import { createPrepareServices } from './prepare'
import { createReviewServices } from './review'
// profiles
import { systemKeychain, type Keychain } from '../core/credentials/keychain'
import { createProfileServices } from './profiles'
import { createRehearsalServer } from './rehearsal'
// push
import type { ImportSession } from '../core/workspace/import-session'
import { createPushServices, type PushTuning } from './push'
import { createQuitGuard } from './quit-guard'
import { createPreparationRestorer } from './push-restore'
import { createFlowServices } from './push-flow'
import { createFixInExcelServices } from './fix-in-excel'

export interface ServiceDeps {
  /** App data directory (sessions, settings, journals). */
  dataDir: string
  /** Electron's net.fetch in the app (system proxy and certificates), Node's fetch in tests and the harness. */
  fetch: typeof fetch
  now: () => Date
  /** The folder holding samples/ (resources/ in the repo, process.resourcesPath when packaged). */
  resourcesDir: string
  appVersion?: string
  platform?: string
  language?: Language
  /** Native "open file" dialog; absent in the browser harness. Resolves null when cancelled. */
  pickFile?: () => Promise<string | null>
  /** Called when the UI language changes (the desktop app rebuilds its menu). */
  onLanguageChange?: (language: Language) => void
  // profiles
  /** The OS keychain for tokens (default: systemKeychain(); tests pass memoryKeychain()). Never a plain-text store. */
  keychain?: Keychain
  // push
  /** Native "save as" dialog for reports; absent in the harness (reports go to <dataDir>/reports). Null when cancelled. */
  pickSavePath?: (defaultName: string, format: 'xlsx' | 'csv') => Promise<string | null>
  /** Upload engine tuning (tests only). */
  pushTuning?: PushTuning
  /** How often a failed autosave is retried (tests shorten it). */
  autosaveRetryMs?: number
  /** Close the app for real once the user confirmed quitting mid-push (the desktop app); absent in the harness. */
  quit?: () => void
  /** Keep a parse worker started ahead, so a dropped file is read without waiting ~0.2 s for one (app and harness). */
  keepParserWarm?: boolean
  /** Let this process's heap grow 1.6× between full collections, not up to 4× (core/heap-growth.ts; app and harness). */
  limitHeapGrowth?: boolean
}

export interface OrderDockServices {
  methods: ServiceMethods
  /** Subscribe to events for the renderer; returns the unsubscribe function. */
  onEvent(listener: (event: OrderDockEvent) => void): () => void
  /** Open a file the OS handed us (menu, "Open with", drag onto the dock icon) and tell the renderer through events. */
  openFromOs(path: string): Promise<void>
  /** Push an event to the renderer (also used by the updater's notices). */
  emit(event: OrderDockEvent): void
  /** True while work that must not be interrupted by an update restart is running (a push). */
  isBusy(): boolean
  /** The window's close path asks here first: false while a push runs (the renderer is asked to confirm). */
  requestClose?(): boolean
  // profiles
  /** Stop what the services started (the rehearsal server); call on app quit. Optional so stand-ins need not have it. */
  dispose?(): Promise<void>
}

export function createServices(deps: ServiceDeps): OrderDockServices {
  const listeners = new Set<(event: OrderDockEvent) => void>()
  const workbooks = new WorkbookSessions()
  if (deps.keepParserWarm) keepParseWorkerWarm()
  if (deps.limitHeapGrowth) limitHeapGrowth()
  // a {path} from the renderer is honoured only for files the user chose through the OS, never for an arbitrary path
  const grantedPaths = new Set<string>()
  const samplesDir = join(deps.resourcesDir, 'samples')
  let language: Language = deps.language ?? 'zh-TW'
  // profiles: the rehearsal server starts the first time a rehearsal profile is used
  const rehearsal = createRehearsalServer()
  const profiles = createProfileServices({
    dataDir: deps.dataDir,
    fetch: deps.fetch,
    keychain: deps.keychain ?? systemKeychain(),
    rehearsal
  })

  const emit = (event: OrderDockEvent): void => {
    for (const listener of listeners) listener(event)
  }
  // push
  const preparations = new Map<string, ImportSession>()
  const push = createPushServices({
    dataDir: deps.dataDir,
    fetch: deps.fetch,
    now: deps.now,
    emit,
    language: () => language,
    preparation: (prepId) => preparations.get(prepId) ?? null,
    restorePreparation: createPreparationRestorer(deps.dataDir, deps.now),
    pushSettings: (profileId, api) => profiles.pushSettings(profileId, api),
    profileName: async (profileId) => (await profiles.store.get(profileId))?.name ?? null,
    pickSavePath: deps.pickSavePath,
    tuning: deps.pushTuning
  })

  // multi-file import (issue 15 item 5): steps are push jobs the push services track
  const flow = createFlowServices({
    dataDir: deps.dataDir,
    fetch: deps.fetch,
    now: deps.now,
    emit,
    language: () => language,
    push,
    workbooks,
    preparation: (prepId) => preparations.get(prepId) ?? null,
    restorePreparation: createPreparationRestorer(deps.dataDir, deps.now),
    pushSettings: (profileId, api) => profiles.pushSettings(profileId, api),
    pickSavePath: deps.pickSavePath,
    tuning: deps.pushTuning
  })
  const busy = () => push.isBusy() || flow.isBusy()

  const quitGuard = createQuitGuard({ isBusy: busy, emit, quit: deps.quit })

  const methods: ServiceMethods = {
    'app.info': async (): Promise<AppInfo> => ({
      name: 'OrderDock',
      version: deps.appVersion ?? '0.0.0',
      platform: deps.platform ?? process.platform,
      canPickFiles: Boolean(deps.pickFile),
      language
    }),
    'app.setLanguage': async ({ language: next }) => {
      language = next
      deps.onLanguageChange?.(next)
      return { language }
    },
    'dialog.open': async () => {
      if (!deps.pickFile)
        throw new ServiceError('unsupported', 'No native file dialog here: use the Open button’s file chooser.')
      const path = await deps.pickFile()
      if (!path) return null
      grantedPaths.add(path)
      // the renderer learns the name only now: the dialog may have been open for a while
      emit({ type: 'workbook.opening', file: basename(path) })
      return workbooks.openSource({ path })
    },
    'samples.list': () => listSamples(samplesDir),
    'samples.open': async ({ name }) => {
      const path = await samplePath(samplesDir, name)
      if (!path) throw new ServiceError('not_found', `There is no sample named “${name}”.`, name)
      return workbooks.openSource({ path })
    },
    'workbook.open': async (source) => {
      if ('path' in source && !grantedPaths.has(source.path)) {
        throw new ServiceError(
          'path_not_allowed',
          `Open “${basename(source.path)}” through File → Open or by dropping it on the window.`,
          basename(source.path)
        )
      }
      return workbooks.openSource(source)
    },
    'workbook.preview': ({ sessionId, ...change }) => workbooks.preview(sessionId, change),
    'workbook.close': async ({ sessionId }) => ({ closed: workbooks.close(sessionId) }),
    'rows.page': ({ sessionId, offset, limit }) => workbooks.page(sessionId, offset, limit),
    'app.quit': async () => quitGuard.confirm(),
    ...createPrepareServices({
      dataDir: deps.dataDir,
      now: deps.now,
      workbooks,
      preparations,
      emit,
      autosaveRetryMs: deps.autosaveRetryMs,
      shoplineChoices: async (profileId) => (await profiles.store.get(profileId))?.shopline ?? null,
      defaultShoplineProfile: async () =>
        (await profiles.store.list().catch(() => [])).find(
          (p) => p.shopline?.deliveryOptionId && p.shopline.paymentMethodId
        )?.id ?? null
    }),
    // review (issue 11 B)
    ...createReviewServices({ preparations }),
    // profiles
    ...profiles.methods,
    // push (a preparation still validating its rows is waited for where push and flow look it up)
    ...push.methods,
    ...flow.methods,
    // fix in Excel and bring it back
    ...createFixInExcelServices({
      dataDir: deps.dataDir,
      now: deps.now,
      preparations,
      language: () => language,
      pickSavePath: deps.pickSavePath
    })
  }

  return {
    methods,
    emit,
    isBusy: busy,
    requestClose: () => quitGuard.requestClose(),
    // profiles
    dispose: async () => {
      await push.dispose()
      await rehearsal.close()
      // save every open preparation's pending edits before the process goes
      await Promise.all([...preparations.values()].map((session) => session.flush().catch(() => undefined)))
    },
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async openFromOs(path) {
      grantedPaths.add(path)
      emit({ type: 'workbook.opening', file: basename(path) })
      try {
        emit({ type: 'workbook.opened', view: await workbooks.openSource({ path }) })
      } catch (error) {
        emit({ type: 'workbook.open-failed', error: toApiError(error) })
      }
    }
  }
}
