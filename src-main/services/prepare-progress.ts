// issue 14: prepare.start answers as soon as the first rows are validated; the rest of the file is read and validated
// in steps behind it, and the renderer hears how far it got ('prepare.progress' events) until every row is validated.
import type { ImportSession, OpenOutcome } from '../core/workspace/import-session'
import type { PrepareSummary } from '../core/validation/types'
import type { OrderDockEvent } from '../ipc/contract'
import type { SheetTable } from '../core/workbook/types'
import type { MappingTemplate } from '../core/workspace/templates'

/** Progress events at most this often (each carries counts, whose filters cost a pass over the rows). */
export const PROGRESS_EVERY_MS = 250
const EMPTY_SUMMARY: PrepareSummary = { rows: 0, valid: 0, invalid: 0, warnings: 0 }

export interface ProgressiveOpen {
  /** The first page is validated (prepare.start can answer) or the open finished first (small file, or it failed). */
  first: Promise<{ kind: 'first-page'; template: MappingTemplate | null } | { kind: 'finished'; outcome: OpenOutcome }>
  /** Every row validated (or the open failed). */
  done: Promise<OpenOutcome>
}

/**
 * Open the session progressively. Until `first` says 'first-page' nothing is emitted; afterwards progress events name
 * prepId, throttled, and a last one with progress null (counts final), or with error when the full read failed.
 */
export function openProgressively(
  session: ImportSession,
  head: SheetTable | undefined,
  emit: ((event: OrderDockEvent) => void) | undefined,
  onFailedLate: () => void
): ProgressiveOpen {
  const prepId = session.state.id
  let shown = false
  let last = 0
  const send = (force: boolean, error?: { code: string; message: string }) => {
    if (!shown || !emit) return
    const now = Date.now()
    if (!force && now - last < PROGRESS_EVERY_MS) return
    last = now
    emit({
      type: 'prepare.progress',
      prepId,
      progress: error ? null : session.progress,
      summary: (error ? null : session.summary()) ?? EMPTY_SUMMARY,
      ...(error ? { error } : {})
    })
  }
  let firstPage!: (template: MappingTemplate | null) => void
  const reached = new Promise<MappingTemplate | null>((resolve) => (firstPage = resolve))
  const done = session.openProgressively({ head, onFirstPage: (t) => firstPage(t), onProgress: () => send(false) })
  const first = Promise.race([
    reached.then((template) => {
      shown = true
      return { kind: 'first-page' as const, template }
    }),
    done.then((outcome) => ({ kind: 'finished' as const, outcome }))
  ])
  void done.then(
    (outcome) => {
      if (!shown) return
      if (outcome.ok) return send(true)
      send(true, { code: outcome.error.code, message: outcome.error.message })
      onFailedLate()
    },
    (err: unknown) => {
      if (!shown) return
      send(true, { code: 'read_failed', message: err instanceof Error ? err.message : String(err) })
      onFailedLate()
    }
  )
  return { first, done }
}
