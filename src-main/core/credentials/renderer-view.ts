// What the renderer may see of the profiles: the settings and each token's status, never a token.
import { isKeychainUnavailable } from './keychain'
import type { Msg } from './messages'
import type { Profile } from './profile-schema'
import type { ProfileStore, TokenStatus } from './profiles'

export type RendererTokenStatus = TokenStatus | { saved: false; last4: null; unavailable: Msg }
export type RendererProfile = Profile & { token: RendererTokenStatus }

/** Profiles for the UI (IPC): safe to send, the token itself is never read into this object. */
export async function profilesForRenderer(
  store: ProfileStore
): Promise<{ profiles: RendererProfile[]; problem: Msg | null }> {
  const profiles = await store.list()
  const out: RendererProfile[] = []
  for (const p of profiles) {
    let token: RendererTokenStatus
    try {
      const s = await store.tokenStatus(p.id)
      token = { saved: s.saved, last4: s.last4 }
    } catch (err) {
      if (!isKeychainUnavailable(err)) throw err
      token = { saved: false, last4: null, unavailable: err.userMessage }
    }
    out.push({ ...p, token })
  }
  return { profiles: out, problem: store.problem()?.message ?? null }
}
