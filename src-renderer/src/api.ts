// The renderer's only way out: window.orderdock (the preload in the app, a WebSocket bridge in the e2e harness).
import type {
  ApiError,
  MethodArgs,
  MethodName,
  MethodResult,
  OrderDockBridge,
  OrderDockEvent
} from '../../src-main/ipc/contract'

declare global {
  interface Window {
    orderdock?: OrderDockBridge
  }
}

export class ApiCallError extends Error {
  readonly error: ApiError

  constructor(error: ApiError) {
    super(error.message)
    this.name = 'ApiCallError'
    this.error = error
  }
}

function bridge(): OrderDockBridge {
  if (!window.orderdock)
    throw new ApiCallError({
      code: 'no_bridge',
      message: 'window.orderdock is missing: the page was opened outside OrderDock.'
    })
  return window.orderdock
}

/** Calls a contract method; resolves with its value or throws ApiCallError carrying { code, message }. */
export async function call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>> {
  const result = await bridge().invoke(method, args)
  if (!result.ok) throw new ApiCallError(result.error)
  return result.value
}

export function onEvent(listener: (event: OrderDockEvent) => void): () => void {
  return window.orderdock ? window.orderdock.on(listener) : () => undefined
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiCallError) return error.error
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) }
}
