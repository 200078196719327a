// The CLI starts its parse worker first thing, so the worker's start (~0.2 s loading its code) overlaps the CLI's own
// instead of following it. Light on purpose: it imports nothing of the reader itself.
import { DEFAULT_LIMITS } from './limits'
import { startWorkerEarly } from './spare-worker'
import { specFor } from './worker-spec'

/** A streamed read with the default limits (validate, push) takes this worker; any other read makes its own. */
export function startStreamWorkerEarly(): void {
  startWorkerEarly(specFor(DEFAULT_LIMITS.maxHeapMb, true))
}
