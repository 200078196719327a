// The OS keychain (keytar API from @napi-rs/keyring): the only place a token is ever stored. No plain-text fallback.
import type { Msg } from './messages'

export const KEYCHAIN_SERVICE = 'OrderDock'

export interface Keychain {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
  findCredentials(service: string): Promise<{ account: string; password: string }[]>
}

/** The keychain could not be used; the token was NOT stored anywhere else. */
export class KeychainUnavailableError extends Error {
  readonly code = 'KEYCHAIN_UNAVAILABLE'
  readonly userMessage: Msg
  constructor(readonly detail: string) {
    super(`OS keychain unavailable: ${detail}`)
    this.name = 'KeychainUnavailableError'
    this.userMessage = {
      'zh-TW':
        `無法使用系統鑰匙圈，權杖沒有被儲存（${detail}）。OrderDock 只把權杖存在系統鑰匙圈（Windows 認證管理員、macOS 鑰匙圈、Linux Secret Service），` +
        '不會改存成一般檔案。Linux 請安裝並解鎖 GNOME Keyring 或 KWallet 後再試。',
      en:
        `The OS keychain is unavailable, so the token was not saved (${detail}). OrderDock keeps tokens only in the OS keychain ` +
        '(Windows Credential Manager, macOS Keychain, Linux Secret Service) and never in a plain file. ' +
        'On Linux, install and unlock GNOME Keyring or KWallet, then try again.'
    }
  }
}

export function isKeychainUnavailable(err: unknown): err is KeychainUnavailableError {
  return err instanceof KeychainUnavailableError
}

type KeytarModule = Keychain

/** Load the native module only when a real keychain is asked for, so unit tests never touch it.
 *  The .js suffix lets plain Node ESM (the externalized Electron main bundle) resolve it: the package has no exports map. */
async function loadKeytar(): Promise<KeytarModule> {
  try {
    return (await import('@napi-rs/keyring/keytar.js')) as KeytarModule
  } catch (err) {
    throw new KeychainUnavailableError(`keyring module failed to load: ${errText(err)}`)
  }
}

function errText(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').slice(0, 200)
}

/**
 * The real keychain. On Linux, @napi-rs/keyring's getPassword answers null (not an error) when no Secret Service is
 * reachable, so every read first probes the service with findCredentials, which does fail; any native error becomes
 * a KeychainUnavailableError.
 */
export function systemKeychain(platform: NodeJS.Platform = process.platform): Keychain {
  let mod: Promise<KeytarModule> | null = null
  const kt = (): Promise<KeytarModule> => (mod ??= loadKeytar())
  const wrap = async <T>(op: (k: KeytarModule) => Promise<T>): Promise<T> => {
    const k = await kt()
    try {
      return await op(k)
    } catch (err) {
      throw new KeychainUnavailableError(errText(err))
    }
  }
  const probe = async (k: KeytarModule, service: string): Promise<void> => {
    if (platform === 'linux') await k.findCredentials(service)
  }
  return {
    getPassword: (service, account) =>
      wrap(async (k) => {
        await probe(k, service)
        return k.getPassword(service, account)
      }),
    setPassword: (service, account, password) => wrap((k) => k.setPassword(service, account, password)),
    deletePassword: (service, account) =>
      wrap(async (k) => {
        await probe(k, service)
        return k.deletePassword(service, account)
      }),
    findCredentials: (service) => wrap((k) => k.findCredentials(service))
  }
}

/** A keychain in memory, for tests and for the leak test's push; same contract as the real one. */
export function memoryKeychain(): Keychain & { dump(): Map<string, string> } {
  const items = new Map<string, string>()
  const key = (s: string, a: string): string => `${s}\u0000${a}`
  return {
    async getPassword(s, a) {
      return items.get(key(s, a)) ?? null
    },
    async setPassword(s, a, p) {
      items.set(key(s, a), p)
    },
    async deletePassword(s, a) {
      return items.delete(key(s, a))
    },
    async findCredentials(s) {
      return [...items.entries()]
        .filter(([k]) => k.startsWith(`${s}\u0000`))
        .map(([k, password]) => ({ account: k.slice(s.length + 1), password }))
    },
    dump: () => new Map(items)
  }
}
