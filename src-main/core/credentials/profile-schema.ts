// What a connection profile is, and the rules it must meet (HTTPS off loopback, a real IANA zone, a unique name).
import { z } from 'zod'
import { IANAZone } from 'luxon'
import type { Msg } from './messages'

export type Destination = 'zangsho' | 'shopline' | 'rehearsal'

export interface Profile {
  id: string
  name: string
  destination: Destination
  baseUrl: string
  timezone: string
  pacing?: { minIntervalMs?: number; batchSize?: number; maxRequestsPerSecond?: number }
  shopline?: {
    deliveryOptionId: string
    deliveryOptionName?: string
    paymentMethodId: string
    paymentMethodName?: string
  }
  /** Advanced: eventsPath = where subscription events are created (inferred /subscriptions/events; the documents give no path). */
  advanced?: { eventsPath?: string }
}

export const DEFAULT_BASE_URLS = {
  zangsho: 'https://api.zangsho.com/v1',
  shopline: 'https://open.shopline.io/v1'
} as const
export const DEFAULT_TIMEZONE = 'Asia/Taipei'
export const REHEARSAL_PROFILE_ID = 'rehearsal'
/** The sandbox accepts this token; the rehearsal profile needs none saved. */
export const REHEARSAL_TOKEN = 'rehearsal'

/** A profile rule that was broken, with the field and a zh-TW/en message. */
export class ProfileError extends Error {
  readonly code = 'PROFILE_INVALID'
  constructor(
    readonly field: string,
    readonly userMessage: Msg
  ) {
    super(`${field}: ${userMessage.en}`)
    this.name = 'ProfileError'
  }
}

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/

export const profileSchema = z.object({
  id: z.string().regex(ID_RE),
  name: z.string().min(1).max(100),
  destination: z.enum(['zangsho', 'shopline', 'rehearsal']),
  baseUrl: z.string().max(2000),
  timezone: z.string().min(1),
  pacing: z
    .object({
      minIntervalMs: z.number().int().min(0).max(600_000).optional(),
      batchSize: z.number().int().min(1).max(100).optional(),
      maxRequestsPerSecond: z.number().positive().max(100).optional()
    })
    .strict()
    .optional(),
  shopline: z
    .object({
      deliveryOptionId: z.string().min(1),
      deliveryOptionName: z.string().optional(),
      paymentMethodId: z.string().min(1),
      paymentMethodName: z.string().optional()
    })
    .strict()
    .optional(),
  advanced: z
    .object({
      eventsPath: z
        .string()
        .max(200)
        .regex(/^\/[A-Za-z0-9/_.-]*$/, 'a path under the base URL such as /subscriptions/events')
        .optional()
    })
    .strict()
    .optional()
})

export const profilesFileSchema = z.object({ version: z.literal(1), profiles: z.array(profileSchema) })
export type ProfilesFile = z.infer<typeof profilesFileSchema>

/** Exactly localhost, 127.0.0.1 and [::1] may use plain http (not *.localhost, which DNS may send elsewhere). */
export function isLoopbackHost(hostname: string): boolean {
  return ['localhost', '127.0.0.1', '[::1]', '::1'].includes(hostname.toLowerCase())
}

/** Check a base URL and return it without a trailing slash; throws ProfileError with the fix. */
export function normalizeBaseUrl(raw: string): string {
  const input = raw.trim()
  let url: URL
  try {
    url = new URL(input)
  } catch {
    throw new ProfileError('baseUrl', {
      'zh-TW': `API 網址「${input}」不是有效的網址，應該像 https://api.zangsho.com/v1。`,
      en: `The API base URL "${input}" is not a valid URL; it should look like https://api.zangsho.com/v1.`
    })
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ProfileError('baseUrl', {
      'zh-TW': `API 網址必須以 https:// 開頭（找到「${url.protocol}」）。`,
      en: `The API base URL must start with https:// (found "${url.protocol}").`
    })
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ProfileError('baseUrl', {
      'zh-TW': `API 網址「${input}」必須使用 HTTPS：權杖不能用未加密的 http:// 傳到其他電腦。請改成 https://${url.host}${url.pathname}。`,
      en: `The API base URL "${input}" must use HTTPS: a token may not travel unencrypted to another machine. Use https://${url.host}${url.pathname}.`
    })
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ProfileError('baseUrl', {
      'zh-TW': 'API 網址不可包含帳號密碼、查詢字串（?）或 #。權杖請另外存入鑰匙圈。',
      en: 'The API base URL may not contain a user name, password, query (?) or #. Save the token separately.'
    })
  }
  return url.toString().replace(/\/+$/, '')
}

export function checkTimezone(tz: string): string {
  const zone = tz.trim()
  if (!zone || !IANAZone.isValidZone(zone)) {
    throw new ProfileError('timezone', {
      'zh-TW': `時區「${tz}」不是有效的 IANA 時區名稱，例如 Asia/Taipei。`,
      en: `"${tz}" is not a valid IANA time zone name, e.g. Asia/Taipei.`
    })
  }
  return zone
}

/** The built-in rehearsal profile; its baseUrl is filled in by the app when it starts the sandbox. */
export function rehearsalProfile(): Profile {
  return {
    id: REHEARSAL_PROFILE_ID,
    name: '彩排 Rehearsal',
    destination: 'rehearsal',
    baseUrl: '',
    timezone: DEFAULT_TIMEZONE
  }
}

/**
 * The base URL to call for one API. A real profile speaks one API at its baseUrl; the rehearsal profile's baseUrl is
 * the sandbox root (sandbox.url, e.g. http://127.0.0.1:4010), which serves 帳獸 at /zangsho/v1 and SHOPLINE at /shopline/v1.
 */
export function apiBaseUrl(profile: Profile, api: 'zangsho' | 'shopline'): string {
  const base = profile.baseUrl.replace(/\/+$/, '')
  if (profile.destination !== 'rehearsal' || !base) return base
  const m = /\/(zangsho|shopline)\/v1$/.exec(base)
  return m ? `${base.slice(0, m.index)}/${api}/v1` : `${base}/${api}/v1`
}
