// The one typed contract between the renderer and the main process: zod-checked arguments, typed results, typed errors, events.
// The renderer imports TYPES only from here (`import type`); no runtime code crosses.
import { z } from 'zod'
import type { FileFormat, SheetRow } from '../core/workbook/types'
// types the contract modules share live in one module, so none of them imports another (no cycle)
import type { Localized, WorkbookView } from './shared-contract'
export type { EncodingChoice, Localized, WorkbookView } from './shared-contract'
import type { MethodName } from './channels'
import { prepareMethodArgs, type PrepareMethodResults, type PrepareProgressEvent } from './prepare-contract'
export type * from './prepare-contract'
// profiles
import { profileMethodArgs, type ProfileMethodResults } from './profiles-contract'
export type * from './profiles-contract'
// push
import { pushMethodArgs, type PushEvent, type PushMethodResults } from './push-contract'
// review (issue 11 B)
import { reviewMethodArgs, type ReviewMethodResults } from './review-contract'
export type * from './review-contract'
export type * from './push-contract'
// fix in Excel and bring it back
import { fixInExcelMethodArgs, type FixInExcelMethodResults } from './fix-in-excel-contract'
export type * from './fix-in-excel-contract'
// multi-file import (issue 15 item 5)
import { flowMethodArgs, type FlowMethodResults } from './flow-contract'
export type * from './flow-contract'

export { METHOD_NAMES, EVENT_CHANNEL, methodChannel, isMethodName } from './channels'
export type { MethodName } from './channels'

export type Language = 'zh-TW' | 'en'
export const LANGUAGES: readonly Language[] = ['zh-TW', 'en']

/** A failure as data. `code` is stable (the renderer translates it); `message` is the detail, naming the file or field. */
export interface ApiError {
  code: string
  message: string
  file?: string
  /** The same detail in each UI language, when the service has it. */
  messages?: Localized
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export interface AppInfo {
  name: string
  version: string
  platform: string
  /** True in the desktop app (native File → Open dialog); false in the browser harness, which uses <input type=file>. */
  canPickFiles: boolean
  language: Language
}

export interface SampleInfo {
  /** File name inside resources/samples; also the id passed to samples.open. */
  name: string
  format: FileFormat
  bytes: number
  description: Localized
}

export interface RowPage {
  sessionId: string
  offset: number
  /** Data rows in the whole table (blank rows inside the table included, so numbering stays true). */
  total: number
  rows: SheetRow[]
}

const empty = z.object({}).strict()
const sessionId = z.string().min(1).max(64)
const fileName = z.string().min(1).max(255)
// Electron delivers a renderer Uint8Array as Uint8Array; accept a bare ArrayBuffer too.
const bytes = z.union([z.instanceof(Uint8Array), z.instanceof(ArrayBuffer).transform((b) => new Uint8Array(b))])

const openSource = z.union([
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  z.object({ name: fileName, bytes }).strict()
])

/** Argument schemas: main parses every argument with these (renderer input is untrusted). */
export const methodArgs = {
  'app.info': empty,
  'app.setLanguage': z.object({ language: z.enum(['zh-TW', 'en']) }).strict(),
  'dialog.open': empty,
  'samples.list': empty,
  'samples.open': z.object({ name: fileName }).strict(),
  'workbook.open': openSource,
  'workbook.preview': z
    .object({
      sessionId,
      sheet: z.string().min(1).max(255).optional(),
      headerRow: z.number().int().min(1).max(100_000).optional(),
      encoding: z.string().min(1).max(40).optional()
    })
    .strict(),
  'workbook.close': z.object({ sessionId }).strict(),
  'rows.page': z
    .object({ sessionId, offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) })
    .strict(),
  'app.quit': z.object({ confirmed: z.literal(true) }).strict(),
  ...prepareMethodArgs,
  // profiles
  ...profileMethodArgs,
  // push
  ...pushMethodArgs,
  // review (issue 11 B)
  ...reviewMethodArgs,
  ...fixInExcelMethodArgs,
  // multi-file import (issue 15 item 5)
  ...flowMethodArgs
} satisfies { [M in MethodName]: z.ZodType }

/** Result types, one per method. */
export interface MethodResults
  extends
    PrepareMethodResults,
    ProfileMethodResults,
    PushMethodResults,
    ReviewMethodResults,
    FixInExcelMethodResults,
    FlowMethodResults {
  'app.info': AppInfo
  'app.setLanguage': { language: Language }
  /** null when the user cancelled the dialog. */
  'dialog.open': WorkbookView | null
  'samples.list': SampleInfo[]
  'samples.open': WorkbookView
  'workbook.open': WorkbookView
  'workbook.preview': WorkbookView
  'workbook.close': { closed: boolean }
  'rows.page': RowPage
  /** quitting: false when nothing can close the app here (the browser harness). */
  'app.quit': { quitting: boolean }
}

/** What the renderer passes. */
export type MethodArgs<M extends MethodName> = z.input<(typeof methodArgs)[M]>
/** What a service receives after parsing. */
export type ParsedArgs<M extends MethodName> = z.output<(typeof methodArgs)[M]>
export type MethodResult<M extends MethodName> = MethodResults[M]

/** The contract as one map: { [method]: { args; result } }. */
export type OrderDockContract = { [M in MethodName]: { args: MethodArgs<M>; result: MethodResult<M> } }

/** Pushed from main to the renderer. */
export type OrderDockEvent =
  | { type: 'workbook.opening'; file: string }
  | { type: 'workbook.opened'; view: WorkbookView }
  | { type: 'workbook.open-failed'; error: ApiError }
  | { type: 'app.language'; language: Language }
  | { type: 'app.notice'; message: Localized }
  /** Autosave failed (disk_full or save_failed): edits stay in memory and are saved once it works again. */
  | { type: 'autosave.failed'; code: 'disk_full' | 'save_failed'; message: Localized }
  | { type: 'autosave.recovered' }
  /** issue 14: a preparation's rows validated so far, until done. */
  | PrepareProgressEvent
  /** The window is closing while a push runs: the renderer asks the user, then calls app.quit or keeps going. */
  | { type: 'app.quitRequested' }
  // push
  | PushEvent

/** window.orderdock: what the preload exposes (and what the browser harness defines the same way). */
export interface OrderDockBridge {
  invoke<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<Result<MethodResult<M>>>
  on(listener: (event: OrderDockEvent) => void): () => void
}

/** The implementation side: one async function per method, given parsed arguments. Throw ServiceError for typed failures. */
export type ServiceMethods = { [M in MethodName]: (args: ParsedArgs<M>) => Promise<MethodResult<M>> }
