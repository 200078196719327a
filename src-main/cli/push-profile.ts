// Where push sends and with which token: --base-url + --token-env, or a saved profile (credentials/push-profile).
import type { ApiName } from '../core/upload'
import { openProfileStore, resolvePushProfile } from '../core/credentials/push-profile'
import { ProfileError } from '../core/credentials/profile-schema'

export interface Connection {
  baseUrl: string
  token: string
  /** From a profile: its time zone (the default for --timezone), pacing and SHOPLINE choices. */
  timezone?: string
  minIntervalMs?: number
  batchSize?: number
  shopline?: { deliveryOptionId?: string; paymentMethodId?: string }
  /** 帳獸 subscription events: the create path when the profile changed it. */
  eventsPath?: string
}

/** Where `orderdock sandbox` listens by default: the rehearsal profile's URL when none is stored. */
const SANDBOX_CLI_URL = 'http://127.0.0.1:4010'

export async function resolveConnection(
  v: { profile?: string; 'base-url'?: string; 'token-env'?: string },
  env: NodeJS.ProcessEnv,
  api: ApiName
): Promise<Connection> {
  if (v.profile) {
    let s
    try {
      s = await resolvePushProfile(openProfileStore(env), v.profile, api, { rehearsalUrl: SANDBOX_CLI_URL })
    } catch (e) {
      throw new Error(
        e instanceof ProfileError ? `${e.userMessage.en}\n${e.userMessage['zh-TW']}` : (e as Error).message,
        { cause: e }
      )
    }
    // --base-url / --token-env still win over what the profile holds
    const token = v['token-env'] ? env[v['token-env']] : s.token
    if (!token) throw new Error(`environment variable ${v['token-env']} is empty or not set`)
    return {
      baseUrl: v['base-url'] ?? s.baseUrl,
      token,
      timezone: s.timezone,
      minIntervalMs: s.minIntervalMs,
      batchSize: s.batchSize,
      shopline: { deliveryOptionId: s.deliveryOptionId, paymentMethodId: s.paymentMethodId },
      ...(s.eventsPath ? { eventsPath: s.eventsPath } : {})
    }
  }
  if (!v['base-url']) throw new Error('--base-url is required (or --profile NAME)')
  if (!v['token-env'])
    throw new Error('--token-env VAR is required: the name of an environment variable holding the token')
  const token = env[v['token-env']]
  if (!token || !token.trim()) throw new Error(`environment variable ${v['token-env']} is empty or not set`)
  return { baseUrl: v['base-url'], token: token.trim() }
}
