// What `push --profile NAME` (and the app's push) needs from a profile: where to send, the token, zone and pacing.
import { systemKeychain, type Keychain } from './keychain'
import { defaultDataDir } from './data-dir'
import { createProfileStore, type ProfileStore } from './profiles'
import { ProfileError, apiBaseUrl, type Profile } from './profile-schema'

export interface PushSettings {
  profile: Profile
  /** main process / CLI only; never log, store or send it anywhere but the Authorization header */
  token: string
  baseUrl: string
  timezone: string
  minIntervalMs?: number
  batchSize?: number
  deliveryOptionId?: string
  paymentMethodId?: string
  /** Subscription events: the create path when the profile changed it. */
  eventsPath?: string
}

/** The store in the usual data dir with the real OS keychain (the CLI's and the app's default). */
export function openProfileStore(
  env: NodeJS.ProcessEnv = process.env,
  keychain: Keychain = systemKeychain()
): ProfileStore {
  return createProfileStore(defaultDataDir(env), keychain)
}

/** The gap between requests that honours both minIntervalMs and maxRequestsPerSecond, if either is set. */
export function pacingInterval(pacing: Profile['pacing']): number | undefined {
  const fromRate = pacing?.maxRequestsPerSecond ? Math.ceil(1000 / pacing.maxRequestsPerSecond) : undefined
  const values = [pacing?.minIntervalMs, fromRate].filter((v): v is number => typeof v === 'number')
  return values.length ? Math.max(...values) : undefined
}

/**
 * Resolve a profile for a push to `api`. Throws ProfileError (unknown profile, wrong destination, no token, rehearsal
 * without a URL) or KeychainUnavailableError, each with a zh-TW/en userMessage. `rehearsalUrl` is the running sandbox's
 * root URL, used when the rehearsal profile has none stored.
 */
export async function resolvePushProfile(
  store: ProfileStore,
  nameOrId: string,
  api: 'zangsho' | 'shopline',
  opts: { rehearsalUrl?: string } = {}
): Promise<PushSettings> {
  const found = await store.get(nameOrId)
  if (!found) {
    throw new ProfileError('profile', {
      'zh-TW': `找不到連線設定「${nameOrId}」。`,
      en: `There is no profile "${nameOrId}".`
    })
  }
  let profile = found
  if (profile.destination === 'rehearsal' && !profile.baseUrl && opts.rehearsalUrl)
    profile = { ...profile, baseUrl: opts.rehearsalUrl }
  if (profile.destination !== 'rehearsal' && profile.destination !== api) {
    const names = { zangsho: '帳獸', shopline: 'SHOPLINE' }
    throw new ProfileError('destination', {
      'zh-TW': `連線設定「${profile.name}」是 ${names[profile.destination]}，不能用來推送到 ${names[api]}。`,
      en: `Profile "${profile.name}" is for ${names[profile.destination]} and cannot push to ${names[api]}.`
    })
  }
  if (!profile.baseUrl) {
    throw new ProfileError('baseUrl', {
      'zh-TW': '彩排連線設定沒有網址：請先啟動彩排伺服器（orderdock sandbox）。',
      en: 'The rehearsal profile has no URL: start the rehearsal server first (orderdock sandbox).'
    })
  }
  const token = await store.getToken(profile.id)
  if (!token) {
    throw new ProfileError('token', {
      'zh-TW': `連線設定「${profile.name}」還沒有權杖。請執行 orderdock profile set-token "${profile.name}"（從標準輸入讀取）。`,
      en: `Profile "${profile.name}" has no token yet. Run orderdock profile set-token "${profile.name}" (it reads stdin).`
    })
  }
  return {
    profile,
    token,
    baseUrl: apiBaseUrl(profile, api),
    timezone: profile.timezone,
    minIntervalMs: pacingInterval(profile.pacing),
    batchSize: profile.pacing?.batchSize,
    deliveryOptionId: profile.shopline?.deliveryOptionId,
    paymentMethodId: profile.shopline?.paymentMethodId,
    ...(profile.advanced?.eventsPath ? { eventsPath: profile.advanced.eventsPath } : {})
  }
}
