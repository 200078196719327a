// One authenticated GET to a shop API, with every failure turned into a plain zh-TW/en result (never an exception).
import {
  describeHttpFailure,
  describeNetworkFailure,
  requiredAbility,
  type Api,
  type FailureKind,
  type Msg
} from './messages'
import { apiBaseUrl, type Profile } from './profile-schema'
import { createRedactor } from './redact'

export interface ConnectionResult {
  ok: boolean
  kind: 'ok' | FailureKind
  message: Msg
  status?: number
  ability?: string
}

export const DEFAULT_TIMEOUT_MS = 15_000
const MAX_BODY_CHARS = 64_000

/** Which API shape a profile speaks; the rehearsal server fakes 帳獸 for the connection check. */
export function profileApi(profile: Profile): Api {
  return profile.destination === 'shopline' ? 'shopline' : 'zangsho'
}

export function authHeaders(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}`, Accept: 'application/json', 'User-Agent': 'OrderDock' }
}

export type GetResult = { ok: true; status: number; body: unknown } | { ok: false; result: ConnectionResult }

/** GET base+path; every failure comes back as a ConnectionResult with a plain message, never an exception. */
export async function authedGet(
  profile: Profile,
  token: string,
  path: string,
  fetchFn: typeof globalThis.fetch,
  timeoutMs: number,
  api: Api = profileApi(profile)
): Promise<GetResult> {
  const redact = createRedactor([token])
  let res: Response
  try {
    // redirect 'manual': an API does not redirect, and following one could carry the token to another host.
    res = await fetchFn(`${apiBaseUrl(profile, api)}${path}`, {
      method: 'GET',
      headers: authHeaders(token),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs)
    })
  } catch (err) {
    const d = describeNetworkFailure(redact.error(err))
    return { ok: false, result: { ok: false, kind: d.kind, message: d.message } }
  }
  let text: string
  try {
    text = redact.text(await res.text()).slice(0, MAX_BODY_CHARS)
  } catch (err) {
    const d = describeNetworkFailure(redact.error(err))
    return { ok: false, result: { ok: false, kind: d.kind, message: d.message, status: res.status } }
  }
  let body: unknown = text
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    // not JSON: keep the text, it is shown readably
  }
  if (res.status >= 300 && res.status < 400) {
    const where = redact.text(res.headers.get('location') ?? '')
    return httpError(res.status, {
      'zh-TW': `伺服器把請求轉到別的網址（HTTP ${res.status}${where ? ` → ${where}` : ''}）。請確認 API 網址是否正確。`,
      en: `The server redirected the request (HTTP ${res.status}${where ? ` → ${where}` : ''}). Check that the API base URL is right.`
    })
  }
  if (!res.ok) {
    const d = describeHttpFailure(res.status, body, api, requiredAbility(api, 'GET', path))
    return {
      ok: false,
      result: { ok: false, kind: d.kind, message: d.message, status: res.status, ability: d.ability }
    }
  }
  if (body === null || typeof body !== 'object') {
    return httpError(res.status, {
      'zh-TW': `這個網址有回應，但回傳的不是 API 資料（HTTP ${res.status}，不是 JSON）。請確認 API 網址，例如結尾應為 /v1。`,
      en: `The address answered, but not with API data (HTTP ${res.status}, not JSON). Check the API base URL; it usually ends in /v1.`
    })
  }
  return { ok: true, status: res.status, body }
}

/** A failed GET that is not the server's own error status: a redirect, or an answer that is not API data. */
function httpError(status: number, message: Msg): GetResult {
  return { ok: false, result: { ok: false, kind: 'http_error', status, message } }
}
