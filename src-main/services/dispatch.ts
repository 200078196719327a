// The transport-independent half of every call: check the method name, parse the arguments with zod, call, wrap the result.
// The Electron IPC handlers and the browser harness's WebSocket bridge both go through here.
import { isMethodName, methodArgs, type ApiError, type Result, type ServiceMethods } from '../ipc/contract'
import { toApiError } from './errors'

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : '(args)'}: ${issue.message}`)
    .join('; ')
}

export async function dispatch(methods: ServiceMethods, method: unknown, rawArgs: unknown): Promise<Result<unknown>> {
  if (!isMethodName(method)) {
    const error: ApiError = { code: 'unknown_method', message: `No such method: ${String(method).slice(0, 80)}` }
    return { ok: false, error }
  }
  const parsed = methodArgs[method].safeParse(rawArgs ?? {})
  if (!parsed.success) {
    return { ok: false, error: { code: 'bad_args', message: `${method}: ${describeIssues(parsed.error.issues)}` } }
  }
  try {
    // each schema's output matches its method's parameter; the map is keyed by the same name
    const call = methods[method] as (args: unknown) => Promise<unknown>
    return { ok: true, value: await call(parsed.data) }
  } catch (error) {
    return { ok: false, error: toApiError(error) }
  }
}
