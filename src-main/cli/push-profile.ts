// Where push sends and with which token: --base-url + --token-env, or a saved profile (token from the OS keychain).
import type { ApiName } from '../core/upload'
import { defaultDataDir } from '../core/credentials/data-dir'

export interface Connection {
  baseUrl: string
  token: string
  minIntervalMs?: number
  shopline?: { deliveryOptionId?: string; paymentMethodId?: string }
}

const SANDBOX_CLI_URL = 'http://127.0.0.1:4010'

export async function resolveProfile(
  v: { profile?: string; 'base-url'?: string; 'token-env'?: string },
  env: NodeJS.ProcessEnv,
  api: ApiName
): Promise<Connection> {
  if (v.profile) {
    const { createProfileStore, systemKeychain, REHEARSAL_TOKEN, apiBaseUrl } = await import('../core/credentials/profiles')
    const store = createProfileStore(defaultDataDir(env), systemKeychain())
    const p = await store.get(v.profile)
    if (!p) throw new Error(`there is no profile "${v.profile}" (see: orderdock profile list)`)
    const rehearsal = p.destination === 'rehearsal'
    if (!rehearsal && p.destination !== api) throw new Error(`profile "${p.name}" is for ${p.destination}, not ${api}`)
    const base = v['base-url'] ?? apiBaseUrl({ ...p, baseUrl: p.baseUrl || (rehearsal ? SANDBOX_CLI_URL : '') }, api)
    const token = v['token-env'] ? env[v['token-env']] : rehearsal ? REHEARSAL_TOKEN : await store.getToken(p.id)
    if (!token) throw new Error(`profile "${p.name}" has no saved token (orderdock profile set-token "${p.name}" < token.txt)`)
    return { baseUrl: base, token, minIntervalMs: p.pacing?.minIntervalMs, shopline: p.shopline }
  }
  if (!v['base-url']) throw new Error('--base-url is required (or --profile NAME)')
  if (!v['token-env']) throw new Error('--token-env VAR is required: the name of an environment variable holding the token')
  const token = env[v['token-env']]
  if (!token || !token.trim()) throw new Error(`environment variable ${v['token-env']} is empty or not set`)
  return { baseUrl: v['base-url'], token: token.trim() }
}
