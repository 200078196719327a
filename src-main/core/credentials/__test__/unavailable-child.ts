// Run in a child process with no reachable Secret Service: try to save a token and report what happened as JSON.
import { createProfileStore, systemKeychain, isKeychainUnavailable } from '../profiles'

async function main(): Promise<void> {
  const [dataDir, token] = process.argv.slice(2)
  const store = createProfileStore(dataDir, systemKeychain())
  const p = await store.add({ name: 'NoKeychain', destination: 'zangsho', baseUrl: '', timezone: 'Asia/Taipei' })
  const out: Record<string, unknown> = { profileId: p.id }
  for (const [step, op] of [
    ['setToken', () => store.setToken(p.id, token)],
    ['tokenStatus', () => store.tokenStatus(p.id)],
    ['getToken', () => store.getToken(p.id)]
  ] as const) {
    try {
      out[step] = { ok: true, value: await op() }
    } catch (err) {
      out[step] = isKeychainUnavailable(err)
        ? { ok: false, unavailable: true, zh: err.userMessage['zh-TW'], en: err.userMessage.en }
        : { ok: false, unavailable: false, error: String(err) }
    }
  }
  process.stdout.write(JSON.stringify(out))
}

main().catch((err: unknown) => {
  process.stderr.write(String(err))
  process.exitCode = 1
})
