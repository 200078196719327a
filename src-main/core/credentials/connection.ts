// "Test connection": one cheap authenticated GET, and the SHOPLINE delivery/payment lists for the profile form.
import { tokenProblem } from './token-check'
import { REHEARSAL_TOKEN, type Profile } from './profile-schema'
import { DEFAULT_TIMEOUT_MS, authedGet, profileApi, type ConnectionResult } from './connection-http'
import { serviceFor } from '../targets'
import { checkEventsList, usedForEvents } from './connection-events'

export type { ConnectionResult } from './connection-http'
export { authHeaders, profileApi } from './connection-http'

function missing(profile: Profile, token: string | null): ConnectionResult | null {
  if (!profile.baseUrl) {
    return {
      ok: false,
      kind: 'unreachable',
      message: {
        'zh-TW': '這個連線設定還沒有 API 網址（彩排伺服器尚未啟動？）。',
        en: 'This profile has no API base URL yet (is the rehearsal server running?).'
      }
    }
  }
  if (!token && profile.destination !== 'rehearsal') {
    return {
      ok: false,
      kind: 'unauthorized',
      message: {
        'zh-TW': '這個連線設定還沒有儲存權杖。請先貼上權杖並儲存。',
        en: 'No token is saved for this profile yet. Paste the token and save it first.'
      }
    }
  }
  return null
}

/** One cheap authenticated call, as the destinations of the profile's API declare it (TargetService.connectionTest). */
export async function testConnection(
  profile: Profile,
  token: string | null,
  fetchFn: typeof globalThis.fetch,
  /** events: the profile is used for subscription events (also check the events list). */
  opts: { timeoutMs?: number; events?: boolean } = {}
): Promise<ConnectionResult> {
  const early = missing(profile, token)
  if (early) return early
  const badToken = token ? tokenProblem(token) : null
  if (badToken) return { ok: false, kind: 'unauthorized', message: badToken }
  const service = serviceFor(profileApi(profile))
  const { path, countsCustomers } = service.connectionTest
  const got = await authedGet(profile, token ?? REHEARSAL_TOKEN, path, fetchFn, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS)
  if (!got.ok) return got.result
  const name = profile.destination === 'rehearsal' ? '彩排伺服器 / rehearsal server' : service.name
  const meta = (got.body as { meta?: { total?: unknown } }).meta
  const count = countsCustomers && typeof meta?.total === 'number' ? meta.total : null
  const connected: ConnectionResult = {
    ok: true,
    kind: 'ok',
    status: got.status,
    message: {
      'zh-TW': `連線正常：${name} 接受了這個權杖${count !== null ? `（目前有 ${count} 位客戶）` : ''}。`,
      en: `Connected: ${name} accepted the token${count !== null ? ` (${count} customers so far)` : ''}.`
    }
  }
  return usedForEvents(profile, opts.events)
    ? checkEventsList(profile, token, fetchFn, connected, opts.timeoutMs)
    : connected
}

export { listShoplineOptions, ShoplineOptionsError, judgeDelivery, judgePayment } from './shopline-options'
export type { ShoplineOption, ShoplineOptions } from './shopline-options'
