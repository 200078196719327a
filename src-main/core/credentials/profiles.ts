// Connection profiles in <dataDir>/profiles.json (atomic writes) and their tokens in the OS keychain, never elsewhere.
import { tokenProblem } from './token-check'
import { readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { writeFileAtomic } from '../fs/atomic-write'
import type { Msg } from './messages'
import { KEYCHAIN_SERVICE, type Keychain } from './keychain'
import {
  DEFAULT_BASE_URLS,
  DEFAULT_TIMEZONE,
  REHEARSAL_PROFILE_ID,
  REHEARSAL_TOKEN,
  ProfileError,
  checkTimezone,
  normalizeBaseUrl,
  profileSchema,
  profilesFileSchema,
  rehearsalProfile,
  type Profile,
  type ProfilesFile
} from './profile-schema'

export * from './profile-schema'
export {
  KEYCHAIN_SERVICE,
  KeychainUnavailableError,
  isKeychainUnavailable,
  memoryKeychain,
  systemKeychain
} from './keychain'
export type { Keychain } from './keychain'

export const PROFILES_FILE = 'profiles.json'
const MAX_TOKEN_LENGTH = 4096

export type ProfileInput = Omit<Profile, 'id'> & { id?: string }
export type ProfilePatch = Partial<Omit<Profile, 'id'>>
export interface TokenStatus {
  saved: boolean
  last4: string | null
}
/** A settings file that could not be read: it was renamed to keptAs and the store started from the built-ins. */
export interface StoreProblem {
  keptAs: string
  message: Msg
}

export interface ProfileStore {
  list(): Promise<Profile[]>
  get(idOrName: string): Promise<Profile | null>
  add(input: ProfileInput): Promise<Profile>
  /** Moving a profile to another host or destination deletes its token, unless `token` is given (it is saved instead). */
  update(id: string, patch: ProfilePatch, opts?: { token?: string }): Promise<Profile>
  remove(id: string): Promise<void>
  setToken(id: string, token: string): Promise<void>
  deleteToken(id: string): Promise<void>
  /** The ONLY token information that may reach the renderer. */
  tokenStatus(id: string): Promise<TokenStatus>
  /** Main process / CLI only: never send this over IPC. */
  getToken(id: string): Promise<string | null>
  /** Set when profiles.json was corrupt and kept aside. */
  problem(): StoreProblem | null
}

/** Last 4 characters only, and none at all for a token so short that 4 characters would give most of it away. */
export function tokenLast4(token: string): string | null {
  return token.length >= 8 ? token.slice(-4) : null
}

/** Trim what a paste or `echo` adds, drop a pasted "Bearer " prefix, and refuse anything that is not one token. */
export function cleanToken(raw: string): string {
  const token = raw.trim().replace(/^Bearer\s+/i, '')
  if (!token) throw new ProfileError('token', { 'zh-TW': '權杖是空的。', en: 'The token is empty.' })
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(token) || token.length > MAX_TOKEN_LENGTH) {
    throw new ProfileError('token', {
      'zh-TW': '這不像一組權杖：含有空白、換行或控制字元，或長度超過 4096。請只貼上權杖本身。',
      en: 'This does not look like a token: it has spaces, line breaks or control characters, or is over 4096 long. Paste only the token.'
    })
  }
  const problem = tokenProblem(token)
  if (problem) throw new ProfileError('token', problem)
  return token
}

/** Another destination, or another scheme/host/port: the token would go somewhere it was not made for. */
function movesToken(before: Profile, after: Profile): boolean {
  if (before.destination !== after.destination) return true
  const origin = (u: string) => {
    try {
      return new URL(u).origin
    } catch {
      return u
    }
  }
  return origin(before.baseUrl) !== origin(after.baseUrl)
}

function notFound(idOrName: string): ProfileError {
  return new ProfileError('profile', {
    'zh-TW': `找不到連線設定「${idOrName}」。`,
    en: `There is no profile "${idOrName}".`
  })
}

export function createProfileStore(dataDir: string, keychain: Keychain): ProfileStore {
  const file = join(dataDir, PROFILES_FILE)
  let lastProblem: StoreProblem | null = null
  let queue: Promise<unknown> = Promise.resolve()
  // One operation at a time, so two saves never interleave read-modify-write.
  const serial = <T>(op: () => Promise<T>): Promise<T> => {
    const next = queue.then(op, op)
    queue = next.catch(() => undefined)
    return next
  }

  async function load(): Promise<Profile[]> {
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw err
    }
    let parsed: ProfilesFile
    try {
      parsed = profilesFileSchema.parse(JSON.parse(text))
    } catch (err) {
      const keptAs = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`
      await rename(file, keptAs)
      const why = err instanceof Error ? err.message.replace(/\s+/g, ' ').slice(0, 200) : String(err)
      lastProblem = {
        keptAs,
        message: {
          'zh-TW': `連線設定檔無法讀取（${why}），已原封不動另存為 ${keptAs}，目前只剩內建的彩排設定。請重新建立連線設定。`,
          en: `The profiles file could not be read (${why}). It was kept unchanged as ${keptAs}; only the built-in rehearsal profile is left. Please add your profiles again.`
        }
      }
      return []
    }
    return parsed.profiles as Profile[]
  }

  async function save(profiles: Profile[]): Promise<void> {
    const stored = profiles.filter((p) => !(p.id === REHEARSAL_PROFILE_ID && sameAsBuiltIn(p)))
    const body: ProfilesFile = { version: 1, profiles: stored }
    await writeFileAtomic(file, `${JSON.stringify(body, null, 2)}\n`)
  }

  /** Stored profiles plus the built-in rehearsal profile (first), which always exists. */
  async function all(): Promise<Profile[]> {
    const stored = await load()
    const rehearsal = stored.find((p) => p.id === REHEARSAL_PROFILE_ID) ?? rehearsalProfile()
    return [rehearsal, ...stored.filter((p) => p.id !== REHEARSAL_PROFILE_ID)]
  }

  function find(profiles: Profile[], idOrName: string): Profile | undefined {
    const key = idOrName.trim()
    return (
      profiles.find((p) => p.id === key) ??
      profiles.find((p) => p.name === key) ??
      profiles.find((p) => p.name.toLowerCase() === key.toLowerCase())
    )
  }

  async function mustFind(idOrName: string): Promise<{ profiles: Profile[]; profile: Profile }> {
    const profiles = await all()
    const profile = find(profiles, idOrName)
    if (!profile) throw notFound(idOrName)
    return { profiles, profile }
  }

  function validate(candidate: Profile, others: Profile[]): Profile {
    const name = candidate.name?.trim() ?? ''
    if (!name) throw new ProfileError('name', { 'zh-TW': '請為連線設定取一個名稱。', en: 'The profile needs a name.' })
    if (others.some((o) => o.name.toLowerCase() === name.toLowerCase())) {
      throw new ProfileError('name', {
        'zh-TW': `已經有名為「${name}」的連線設定，請換一個名稱。`,
        en: `A profile named "${name}" already exists; choose another name.`
      })
    }
    const rawUrl =
      candidate.baseUrl?.trim() ||
      (candidate.destination === 'rehearsal' ? '' : DEFAULT_BASE_URLS[candidate.destination])
    const baseUrl = rawUrl ? normalizeBaseUrl(rawUrl) : ''
    const timezone = checkTimezone(candidate.timezone || DEFAULT_TIMEZONE)
    const result = profileSchema.safeParse({ ...candidate, name, baseUrl, timezone })
    if (!result.success) {
      const issue = result.error.issues[0]
      const field = issue?.path.join('.') || 'profile'
      throw new ProfileError(field, {
        'zh-TW': `連線設定的「${field}」不正確：${issue?.message ?? ''}`,
        en: `The profile field "${field}" is not valid: ${issue?.message ?? ''}`
      })
    }
    return result.data as Profile
  }

  return {
    problem: () => lastProblem,
    list: () => serial(all),
    get: (idOrName) => serial(async () => find(await all(), idOrName) ?? null),

    add: (input) =>
      serial(async () => {
        const profiles = await all()
        const id = input.id?.trim() || randomUUID()
        if (profiles.some((p) => p.id === id)) {
          throw new ProfileError('id', { 'zh-TW': `代號「${id}」已被使用。`, en: `The id "${id}" is already in use.` })
        }
        const profile = validate({ ...input, id } as Profile, profiles)
        await save([...profiles, profile])
        return profile
      }),

    update: (id, patch, opts = {}) =>
      serial(async () => {
        const { profiles, profile } = await mustFind(id)
        if (profile.id === REHEARSAL_PROFILE_ID && patch.destination && patch.destination !== 'rehearsal') {
          throw new ProfileError('destination', {
            'zh-TW': '內建的彩排設定只能連到彩排伺服器。',
            en: 'The built-in rehearsal profile can only point at the rehearsal server.'
          })
        }
        const others = profiles.filter((p) => p.id !== profile.id)
        const next = validate({ ...profile, ...patch, id: profile.id } as Profile, others)
        const newToken = opts.token !== undefined ? cleanToken(opts.token) : undefined
        // A saved token belongs to the host it was made for: never let an edit carry it to another server.
        if (movesToken(profile, next)) {
          if (newToken !== undefined && next.destination !== 'rehearsal')
            await keychain.setPassword(KEYCHAIN_SERVICE, profile.id, newToken)
          else await keychain.deletePassword(KEYCHAIN_SERVICE, profile.id)
        } else if (newToken !== undefined && next.destination !== 'rehearsal')
          await keychain.setPassword(KEYCHAIN_SERVICE, profile.id, newToken)
        await save(profiles.map((p) => (p.id === profile.id ? next : p)))
        return next
      }),

    remove: (id) =>
      serial(async () => {
        const { profiles, profile } = await mustFind(id)
        if (profile.id === REHEARSAL_PROFILE_ID) {
          throw new ProfileError('profile', {
            'zh-TW': '內建的彩排設定不能刪除。',
            en: 'The built-in rehearsal profile cannot be removed.'
          })
        }
        // Token first: if the keychain refuses, the profile stays so no token is orphaned silently.
        await keychain.deletePassword(KEYCHAIN_SERVICE, profile.id)
        await save(profiles.filter((p) => p.id !== profile.id))
      }),

    setToken: (id, token) =>
      serial(async () => {
        const { profile } = await mustFind(id)
        if (profile.destination === 'rehearsal') {
          throw new ProfileError('token', {
            'zh-TW': '彩排設定不需要權杖。',
            en: 'A rehearsal profile needs no token.'
          })
        }
        await keychain.setPassword(KEYCHAIN_SERVICE, profile.id, cleanToken(token))
      }),

    deleteToken: (id) =>
      serial(async () => {
        const { profile } = await mustFind(id)
        await keychain.deletePassword(KEYCHAIN_SERVICE, profile.id)
      }),

    tokenStatus: (id) =>
      serial(async () => {
        const { profile } = await mustFind(id)
        // The rehearsal server needs no token, so none is ever saved for it.
        if (profile.destination === 'rehearsal') return { saved: false, last4: null }
        const token = await keychain.getPassword(KEYCHAIN_SERVICE, profile.id)
        return token ? { saved: true, last4: tokenLast4(token) } : { saved: false, last4: null }
      }),

    getToken: (id) =>
      serial(async () => {
        const { profile } = await mustFind(id)
        if (profile.destination === 'rehearsal') return REHEARSAL_TOKEN
        return keychain.getPassword(KEYCHAIN_SERVICE, profile.id)
      })
  }
}

function sameAsBuiltIn(p: Profile): boolean {
  return JSON.stringify(p) === JSON.stringify(rehearsalProfile())
}
