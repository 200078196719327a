// `orderdock profile list|add|set|remove|set-token|delete-token|test|options`: connection profiles; tokens go to the OS keychain only.
import { parseArgs } from 'node:util'
import type { Writable } from 'node:stream'
import {
  createProfileStore,
  systemKeychain,
  isKeychainUnavailable,
  ProfileError,
  type Keychain,
  type Profile,
  type ProfilePatch,
  type ProfileStore,
  type Destination
} from '../core/credentials/profiles'
import { testConnection, listShoplineOptions, ShoplineOptionsError } from '../core/credentials/connection'
import { normalizeBaseUrl } from '../core/credentials/profile-schema'
import { defaultDataDir } from '../core/credentials/data-dir'
import { readSecret, type SecretInput } from '../core/credentials/read-secret'
import type { Msg } from '../core/credentials/messages'

const USAGE = `usage: orderdock profile <command>

  list [--json]                          profiles, with "token saved …last4" (never the token)
  add --name N --destination zangsho|shopline|rehearsal [--base-url URL] [--timezone TZ]
      [--delivery-option-id ID --payment-method-id ID] [--min-interval-ms N] [--batch-size N] [--max-rps N]
  set NAME [--name NEW] [--base-url URL] [--timezone TZ] [--delivery-option-id ID --payment-method-id ID] [...pacing]
      [--events-path /PATH]            帳獸: where subscription events are created (inferred default /subscriptions/events)
  remove NAME                            delete the profile and its token
  set-token NAME                         read the token from stdin (pipe it, or paste it: it is not shown)
  delete-token NAME
  test NAME [--base-url URL] [--events]  one cheap authenticated call; --base-url overrides the profile's;
                                         --events (or a profile with --events-path) also checks the events list
                                         (rehearsal defaults to http://127.0.0.1:4010, where \`orderdock sandbox\` listens)
  options NAME [--json]                  SHOPLINE: the shop's delivery options and payment methods, usable or not

Data: $ORDERDOCK_DATA_DIR or the OS app data folder. Tokens: the OS keychain, service "OrderDock".
`

export interface ProfileCliDeps {
  stdin: SecretInput
  stdout: Writable
  stderr: Writable
  env: NodeJS.ProcessEnv
  keychain: Keychain
  fetch: typeof globalThis.fetch
}

/** Where `orderdock sandbox` listens by default. */
const SANDBOX_CLI_URL = 'http://127.0.0.1:4010'

const OPTIONS = {
  name: { type: 'string' },
  destination: { type: 'string' },
  'base-url': { type: 'string' },
  timezone: { type: 'string' },
  'delivery-option-id': { type: 'string' },
  'payment-method-id': { type: 'string' },
  'min-interval-ms': { type: 'string' },
  'batch-size': { type: 'string' },
  'max-rps': { type: 'string' },
  'events-path': { type: 'string' },
  events: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const

export function run(argv: string[]): Promise<number> {
  return runProfileCli(argv, {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    keychain: systemKeychain(),
    fetch: globalThis.fetch
  })
}

export async function runProfileCli(argv: string[], deps: ProfileCliDeps): Promise<number> {
  const out = (s: string): void => void deps.stdout.write(s)
  const err = (s: string): void => void deps.stderr.write(s)
  const msg = (m: Msg, to = err): void => to(`${m['zh-TW']}\n${m.en}\n`)
  const usage = (why: string): number => (err(`orderdock profile: ${why}\n\n${USAGE}`), 2)

  const [command, ...rest] = argv
  if (!command || command === '--help' || command === '-h') return command ? (out(USAGE), 0) : usage('which command?')
  if (command === 'set-token' && rest.some((a) => /^--?token\b/.test(a) || a.startsWith('--value'))) {
    return usage(
      'set-token never takes the token as an argument (it would land in shell history and process lists); pipe it on stdin'
    )
  }
  let values: Record<string, string | boolean | undefined>
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true, strict: true }))
  } catch (e) {
    return usage(e instanceof Error ? e.message : String(e))
  }
  if (values.help) return (out(USAGE), 0)
  const store = createProfileStore(defaultDataDir(deps.env), deps.keychain)
  const target = positionals[0]
  const needName = ['set', 'remove', 'set-token', 'delete-token', 'test', 'options'].includes(command)
  if (needName && (!target || positionals.length > 1)) return usage(`${command} takes exactly one profile NAME`)
  if (!needName && positionals.length) return usage(`${command} takes no NAME ("${positionals[0]}")`)

  try {
    switch (command) {
      case 'list':
        return await list(store, !!values.json, out, err)
      case 'add': {
        if (typeof values.name !== 'string' || typeof values.destination !== 'string')
          return usage('add needs --name and --destination')
        if (!['zangsho', 'shopline', 'rehearsal'].includes(values.destination))
          return usage('--destination must be zangsho, shopline or rehearsal')
        const patch = patchFrom(values)
        const p = await store.add({
          baseUrl: '',
          timezone: '',
          ...patch,
          name: values.name,
          destination: values.destination as Destination
        })
        out(
          `已新增連線設定 Added profile "${p.name}" (${p.destination}, ${p.baseUrl || 'sandbox URL set when it starts'}, ${p.timezone}).\n`
        )
        if (p.destination !== 'rehearsal') out(`下一步 Next: orderdock profile set-token "${p.name}" < token.txt\n`)
        return 0
      }
      case 'set': {
        const p = await store.update(await idOf(store, target), patchFrom(values))
        out(`已更新 Updated "${p.name}".\n`)
        return 0
      }
      case 'remove': {
        const p = await mustGet(store, target)
        await store.remove(p.id)
        out(`已刪除連線設定與權杖 Removed profile "${p.name}" and its token.\n`)
        return 0
      }
      case 'set-token': {
        const p = await mustGet(store, target)
        const token = await readSecret(deps.stdin, deps.stderr)
        await store.setToken(p.id, token)
        const s = await store.tokenStatus(p.id)
        out(`權杖已存入系統鑰匙圈 Token saved in the OS keychain for "${p.name}"${s.last4 ? ` (…${s.last4})` : ''}.\n`)
        return 0
      }
      case 'delete-token': {
        const p = await mustGet(store, target)
        await store.deleteToken(p.id)
        out(`已刪除權杖 Token deleted for "${p.name}".\n`)
        return 0
      }
      case 'test': {
        let p = await mustGet(store, target)
        p = withCliBaseUrl(p, values['base-url'])
        const r = await testConnection(p, await store.getToken(p.id), deps.fetch, { events: values.events === true })
        msg(r.message, r.ok ? out : err)
        return r.ok ? 0 : 1
      }
      case 'options':
        return await options(store, target, !!values.json, deps, out)
      default:
        return usage(`unknown command "${command}"`)
    }
  } catch (e) {
    if (e instanceof ProfileError || isKeychainUnavailable(e) || e instanceof ShoplineOptionsError) {
      msg(e instanceof ShoplineOptionsError ? e.result.message : e.userMessage)
      return 1
    }
    err(`orderdock profile: ${e instanceof Error ? e.message : String(e)}\n`)
    return 1
  }
}

/** --base-url wins; an unset rehearsal URL means the `orderdock sandbox` default on this machine. */
function withCliBaseUrl(p: Profile, override: unknown): Profile {
  if (typeof override === 'string') return { ...p, baseUrl: normalizeBaseUrl(override) }
  if (p.destination === 'rehearsal' && !p.baseUrl) return { ...p, baseUrl: SANDBOX_CLI_URL }
  return p
}

async function mustGet(store: ProfileStore, name: string): Promise<Profile> {
  const p = await store.get(name)
  if (!p)
    throw new ProfileError('profile', { 'zh-TW': `找不到連線設定「${name}」。`, en: `There is no profile "${name}".` })
  return p
}

async function idOf(store: ProfileStore, name: string): Promise<string> {
  return (await mustGet(store, name)).id
}

function wholeNumber(v: unknown, flag: string): number | undefined {
  if (typeof v !== 'string') return undefined
  const n = Number(v)
  if (!/^\d+(\.\d+)?$/.test(v.trim()) || !Number.isFinite(n)) {
    throw new ProfileError(flag, {
      'zh-TW': `${flag} 必須是數字（找到「${v}」）。`,
      en: `${flag} must be a number (found "${v}").`
    })
  }
  return n
}

function patchFrom(values: Record<string, string | boolean | undefined>): ProfilePatch {
  const patch: ProfilePatch = {}
  if (typeof values.name === 'string') patch.name = values.name
  if (typeof values['base-url'] === 'string') patch.baseUrl = values['base-url']
  if (typeof values.timezone === 'string') patch.timezone = values.timezone
  const d = values['delivery-option-id']
  const pm = values['payment-method-id']
  if (typeof d === 'string' || typeof pm === 'string') {
    if (typeof d !== 'string' || typeof pm !== 'string') {
      throw new ProfileError('shopline', {
        'zh-TW': '--delivery-option-id 與 --payment-method-id 要一起指定（可用 `profile options NAME` 查詢）。',
        en: 'Give --delivery-option-id and --payment-method-id together (see `profile options NAME`).'
      })
    }
    patch.shopline = { deliveryOptionId: d, paymentMethodId: pm }
  }
  const pacing = {
    minIntervalMs: wholeNumber(values['min-interval-ms'], '--min-interval-ms'),
    batchSize: wholeNumber(values['batch-size'], '--batch-size'),
    maxRequestsPerSecond: wholeNumber(values['max-rps'], '--max-rps')
  }
  const set = Object.fromEntries(Object.entries(pacing).filter(([, v]) => v !== undefined))
  if (Object.keys(set).length) patch.pacing = set
  if (typeof values['events-path'] === 'string') patch.advanced = { eventsPath: values['events-path'] }
  return patch
}

async function list(
  store: ProfileStore,
  json: boolean,
  out: (s: string) => void,
  err: (s: string) => void
): Promise<number> {
  const profiles = await store.list()
  const problem = store.problem()
  if (problem) err(`${problem.message['zh-TW']}\n${problem.message.en}\n`)
  let unavailable = false
  const rows = []
  for (const p of profiles) {
    let token: { saved: boolean; last4: string | null } | { error: 'keychain_unavailable' }
    try {
      token = await store.tokenStatus(p.id)
    } catch (e) {
      if (!isKeychainUnavailable(e)) throw e
      if (!unavailable) err(`${e.userMessage['zh-TW']}\n${e.userMessage.en}\n`)
      unavailable = true
      token = { error: 'keychain_unavailable' }
    }
    rows.push({ ...p, token })
  }
  if (json) return (out(`${JSON.stringify(rows, null, 2)}\n`), 0)
  for (const r of rows) {
    const t =
      'error' in r.token
        ? 'keychain unavailable'
        : r.destination === 'rehearsal'
          ? 'not needed'
          : r.token.saved
            ? `saved …${r.token.last4 ?? '****'}`
            : 'none'
    const extra = r.shopline ? `  delivery ${r.shopline.deliveryOptionId} / payment ${r.shopline.paymentMethodId}` : ''
    out(
      `${r.name}\n  id ${r.id}  ${r.destination}  ${r.baseUrl || '(sandbox URL set when it starts)'}  ${r.timezone}  token: ${t}${extra}\n`
    )
  }
  return 0
}

async function options(
  store: ProfileStore,
  name: string,
  json: boolean,
  deps: ProfileCliDeps,
  out: (s: string) => void
): Promise<number> {
  const p = withCliBaseUrl(await mustGet(store, name), undefined)
  const token = await store.getToken(p.id)
  if (!token)
    throw new ProfileError('token', { 'zh-TW': '這個連線設定還沒有權杖。', en: 'No token is saved for this profile.' })
  const o = await listShoplineOptions(p, token, deps.fetch)
  if (json) return (out(`${JSON.stringify(o, null, 2)}\n`), 0)
  for (const [title, items] of [
    ['送貨方式 Delivery options', o.deliveryOptions],
    ['付款方式 Payment methods', o.paymentMethods]
  ] as const) {
    out(`${title}:\n`)
    for (const i of items)
      out(
        `  ${i.usable ? '✓' : '✗'} ${i.id}  ${i.name}  [${i.kind ?? '?'}${i.status ? `, ${i.status}` : ''}]${i.why ? `\n      ${i.why['zh-TW']}` : ''}\n`
      )
  }
  return 0
}
