// Profiles & connections behind the contract: list, save, remove, token save/delete, "Test connection", SHOPLINE pickers.
// Tokens go renderer → main → OS keychain only; every answer carries at most { saved, last4 }.
import type { Keychain } from '../core/credentials/keychain'
import {
  DEFAULT_BASE_URLS,
  DEFAULT_TIMEZONE,
  ProfileError,
  REHEARSAL_PROFILE_ID,
  createProfileStore,
  type Profile,
  type ProfileInput,
  type ProfilePatch,
  type ProfileStore
} from '../core/credentials/profiles'
import { profilesForRenderer } from '../core/credentials/renderer-view'
import { listShoplineOptions, ShoplineOptionsError, testConnection } from '../core/credentials/connection'
import { resolvePushProfile, type PushSettings } from '../core/credentials/push-profile'
import type { ParsedArgs, ProfileMethodName, ProfilePacing, ServiceMethods } from '../ipc/contract'
import {
  connectionView,
  optionView,
  profileView,
  SHOPLINE_CUSTOM_ONLY,
  toServiceError,
  tokenView
} from './profiles-view'
import type { RehearsalServer } from './rehearsal'

export interface ProfileServiceDeps {
  dataDir: string
  fetch: typeof fetch
  keychain: Keychain
  rehearsal: RehearsalServer
}

export type ProfileMethods = Pick<ServiceMethods, ProfileMethodName>

export interface ProfileServices {
  methods: ProfileMethods
  store: ProfileStore
  /** For the app's push (main process only, never over IPC): where to send and the token; starts the rehearsal server if needed. */
  pushSettings(idOrName: string, api: 'zangsho' | 'shopline'): Promise<PushSettings>
  /** The profile with a rehearsal server address filled in (started if needed). */
  withLiveUrl(profile: Profile): Promise<Profile>
}

function notFound(id: string): ProfileError {
  return new ProfileError('profile', { 'zh-TW': `找不到連線設定「${id}」。`, en: `There is no profile "${id}".` })
}

/** Empty pacing fields mean "use the default"; an all-empty pacing is no override at all. */
function cleanPacing(pacing: ProfilePacing | null | undefined): ProfilePacing | undefined {
  if (!pacing) return undefined
  const out: ProfilePacing = {}
  if (pacing.minIntervalMs !== undefined) out.minIntervalMs = pacing.minIntervalMs
  if (pacing.batchSize !== undefined) out.batchSize = pacing.batchSize
  if (pacing.maxRequestsPerSecond !== undefined) out.maxRequestsPerSecond = pacing.maxRequestsPerSecond
  return Object.keys(out).length ? out : undefined
}

/** The token to scrub from answers: the rehearsal server's token is public (and a common word), so it is left alone. */
function secretOf(profile: Profile, token: string | null): string | null {
  return profile.destination === 'rehearsal' ? null : token
}

/** Each method's errors become typed { code, message, messages } for the renderer. */
function typed<A, R>(method: (args: A) => Promise<R>): (args: A) => Promise<R> {
  return async (args) => {
    try {
      return await method(args)
    } catch (error) {
      throw toServiceError(error)
    }
  }
}

export function createProfileServices(deps: ProfileServiceDeps): ProfileServices {
  const store = createProfileStore(deps.dataDir, deps.keychain)
  const { rehearsal } = deps

  async function mustGet(id: string): Promise<Profile> {
    const profile = await store.get(id)
    if (!profile) throw notFound(id)
    return profile
  }

  async function withLiveUrl(profile: Profile): Promise<Profile> {
    if (profile.destination !== 'rehearsal' || profile.baseUrl) return profile
    return { ...profile, baseUrl: await rehearsal.ensure() }
  }

  async function viewOf(id: string) {
    const { profiles } = await profilesForRenderer(store)
    const found = profiles.find((p) => p.id === id)
    if (!found) throw notFound(id)
    return profileView(found, tokenView(found.token), rehearsal.url())
  }

  async function save(args: ParsedArgs<'profiles.save'>) {
    const canChoose = (destination: Profile['destination']) => destination !== 'zangsho'
    if (!args.id) {
      const input: ProfileInput = {
        name: args.name,
        destination: args.destination,
        baseUrl: args.baseUrl ?? '',
        timezone: args.timezone?.trim() || DEFAULT_TIMEZONE,
        pacing: cleanPacing(args.pacing),
        shopline: canChoose(args.destination) ? (args.shopline ?? undefined) : undefined,
        ...(args.eventsPath?.trim() ? { advanced: { eventsPath: args.eventsPath.trim() } } : {})
      }
      const added = await store.add(input)
      if (args.token !== undefined && added.destination !== 'rehearsal') await store.setToken(added.id, args.token)
      return viewOf(added.id)
    }
    const existing = await mustGet(args.id)
    const builtIn = existing.id === REHEARSAL_PROFILE_ID
    if (builtIn && args.destination !== 'rehearsal') {
      throw new ProfileError('destination', {
        'zh-TW': '內建的彩排設定只能連到彩排伺服器。',
        en: 'The built-in rehearsal profile can only point at the rehearsal server.'
      })
    }
    const patch: ProfilePatch = { name: args.name, destination: args.destination }
    // the built-in rehearsal profile always talks to the app's own rehearsal server
    if (!builtIn && args.baseUrl !== undefined) patch.baseUrl = args.baseUrl
    if (args.timezone !== undefined) patch.timezone = args.timezone.trim() || DEFAULT_TIMEZONE
    if (args.pacing !== undefined) patch.pacing = cleanPacing(args.pacing)
    if (args.eventsPath !== undefined)
      patch.advanced = args.eventsPath?.trim() ? { eventsPath: args.eventsPath.trim() } : undefined
    if (!canChoose(args.destination)) patch.shopline = undefined
    else if (args.shopline !== undefined) patch.shopline = args.shopline ?? undefined
    return viewOf((await store.update(existing.id, patch, { token: args.token })).id)
  }

  const methods: ProfileMethods = {
    'profiles.list': typed(async () => {
      const { profiles, problem } = await profilesForRenderer(store)
      const live = rehearsal.url()
      return {
        profiles: profiles.map((p) => profileView(p, tokenView(p.token), live)),
        problem: problem ? { 'zh-TW': problem['zh-TW'], en: problem.en } : null,
        defaults: {
          baseUrls: { zangsho: DEFAULT_BASE_URLS.zangsho, shopline: DEFAULT_BASE_URLS.shopline },
          timezone: DEFAULT_TIMEZONE
        }
      }
    }),
    'profiles.save': typed(save),
    'profiles.remove': typed(async ({ id }) => {
      await store.remove(id)
      return { removed: true as const }
    }),
    'profiles.setToken': typed(async ({ id, token }) => {
      await store.setToken(id, token)
      return tokenView(await store.tokenStatus(id))
    }),
    'profiles.deleteToken': typed(async ({ id }) => {
      await store.deleteToken(id)
      return tokenView(await store.tokenStatus(id))
    }),
    'profiles.test': typed(async ({ id }) => {
      const profile = await withLiveUrl(await mustGet(id))
      const token = await store.getToken(profile.id)
      return connectionView(await testConnection(profile, token, deps.fetch), secretOf(profile, token))
    }),
    'profiles.shoplineOptions': typed(async ({ id }) => {
      const profile = await withLiveUrl(await mustGet(id))
      if (profile.destination === 'zangsho') {
        throw new ProfileError('destination', {
          'zh-TW': '送貨方式與付款方式只有 SHOPLINE（或彩排）連線設定需要選。',
          en: 'Only SHOPLINE (or rehearsal) profiles choose a delivery option and payment method.'
        })
      }
      const token = await store.getToken(profile.id)
      const secret = secretOf(profile, token)
      // no token yet: the same plain "save a token first" answer as Test connection, without a network call
      if (!token)
        return { ok: false as const, failure: connectionView(await testConnection(profile, null, deps.fetch), null) }
      try {
        const options = await listShoplineOptions(profile, token, deps.fetch)
        return {
          ok: true as const,
          deliveryOptions: options.deliveryOptions.map((o) => optionView(o, secret)),
          paymentMethods: options.paymentMethods.map((o) => optionView(o, secret)),
          explanation: SHOPLINE_CUSTOM_ONLY
        }
      } catch (error) {
        if (error instanceof ShoplineOptionsError)
          return { ok: false as const, failure: connectionView(error.result, secret) }
        throw error
      }
    })
  }

  return {
    methods,
    store,
    withLiveUrl,
    async pushSettings(idOrName, api) {
      const profile = await store.get(idOrName)
      const rehearsalUrl =
        profile?.destination === 'rehearsal' && !profile.baseUrl ? await rehearsal.ensure() : undefined
      return resolvePushProfile(store, idOrName, api, { rehearsalUrl })
    }
  }
}
