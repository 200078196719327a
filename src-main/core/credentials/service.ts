// The profile operations the app window may ask for (through IPC). Nothing here ever returns a token.
import type { Msg } from './messages'
import { isKeychainUnavailable } from './keychain'
import { ProfileError, type Profile } from './profile-schema'
import type { ProfileInput, ProfilePatch, ProfileStore, TokenStatus } from './profiles'
import { profilesForRenderer, type RendererProfile } from './renderer-view'
import { testConnection, type ConnectionResult } from './connection'
import { listShoplineOptions, ShoplineOptionsError, type ShoplineOptions } from './shopline-options'

export interface ProfileService {
  list(): Promise<{ profiles: RendererProfile[]; problem: Msg | null }>
  add(input: ProfileInput): Promise<Profile>
  update(id: string, patch: ProfilePatch): Promise<Profile>
  remove(id: string): Promise<void>
  /** The token travels renderer → main once, here; only its status comes back. */
  saveToken(id: string, token: string): Promise<TokenStatus>
  deleteToken(id: string): Promise<TokenStatus>
  test(id: string): Promise<ConnectionResult>
  shoplineOptions(id: string): Promise<ShoplineOptions>
}

/** The zh-TW/en message of an error this module throws (ProfileError, KeychainUnavailableError, ShoplineOptionsError). */
export function userMessageOf(err: unknown): Msg | null {
  if (err instanceof ProfileError || isKeychainUnavailable(err)) return err.userMessage
  if (err instanceof ShoplineOptionsError) return err.result.message
  return null
}

/** `rehearsalUrl` returns the running sandbox's root URL (or undefined when it is not running). */
export function createProfileService(
  store: ProfileStore,
  fetchFn: typeof globalThis.fetch,
  opts: { rehearsalUrl?: () => string | undefined } = {}
): ProfileService {
  const withUrl = (p: Profile): Profile =>
    p.destination === 'rehearsal' && !p.baseUrl ? { ...p, baseUrl: opts.rehearsalUrl?.() ?? '' } : p
  const mustGet = async (id: string): Promise<Profile> => {
    const p = await store.get(id)
    if (!p) throw new ProfileError('profile', { 'zh-TW': `找不到連線設定「${id}」。`, en: `There is no profile "${id}".` })
    return withUrl(p)
  }
  return {
    list: () => profilesForRenderer(store),
    add: (input) => store.add(input),
    update: (id, patch) => store.update(id, patch),
    remove: (id) => store.remove(id),
    async saveToken(id, token) {
      await store.setToken(id, token)
      return store.tokenStatus(id)
    },
    async deleteToken(id) {
      await store.deleteToken(id)
      return store.tokenStatus(id)
    },
    async test(id) {
      const p = await mustGet(id)
      return testConnection(p, await store.getToken(p.id), fetchFn)
    },
    async shoplineOptions(id) {
      const p = await mustGet(id)
      const token = await store.getToken(p.id)
      if (!token) throw new ProfileError('token', { 'zh-TW': '這個連線設定還沒有權杖。', en: 'No token is saved for this profile.' })
      return listShoplineOptions(p, token, fetchFn)
    }
  }
}
