// Plain zh-TW/en messages shared by "Test connection" and by a push that meets 401/403/429 or a network failure.
export interface Msg {
  'zh-TW': string
  en: string
}

export type FailureKind =
  'unauthorized' | 'forbidden' | 'unreachable' | 'tls' | 'rate_limited' | 'http_error' | 'timeout'
export type Api = 'zangsho' | 'shopline'

export interface FailureDescription {
  kind: FailureKind
  message: Msg
  ability?: string
}

const WHERE_TO_GET_TOKEN: Record<Api, Msg> = {
  zangsho: {
    'zh-TW': '請到帳獸後台的「API 設定」（API 金鑰管理）重新產生一組權杖，再存入這個連線設定。',
    en: 'Create a new token on the 「API 設定」 (API key management) page of your 帳獸 back office, then save it in this profile.'
  },
  shopline: {
    'zh-TW':
      '請到 SHOPLINE 後台「設定 → 員工設定」，編輯 Open API 專用員工的「API Auth」分頁，重新產生權杖，再存入這個連線設定。',
    en: "In the SHOPLINE admin open Settings → Staff Settings, edit the Open API staff member's API Auth tab, generate a new token, then save it in this profile."
  }
}

const ABILITY_RE = /\b([a-z_]+:(?:read|write))\b/i

/** The message text a server put in its error body, whatever the shape (Laravel, SHOPLINE, plain text), kept short. */
export function bodyMessage(body: unknown): string {
  const MAX = 300
  let text = ''
  if (typeof body === 'string') text = body
  else if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>
    const parts: string[] = []
    for (const key of ['message', 'error', 'code']) {
      const v = b[key]
      if (typeof v === 'string' && v.trim() && !parts.includes(v.trim())) parts.push(v.trim())
      else if (v && typeof v === 'object' && typeof (v as Record<string, unknown>).message === 'string')
        parts.push(String((v as Record<string, unknown>).message))
    }
    if (b.errors && typeof b.errors === 'object') {
      for (const [field, msgs] of Object.entries(b.errors as Record<string, unknown>)) {
        parts.push(`${field}: ${Array.isArray(msgs) ? msgs.join('; ') : String(msgs)}`)
      }
    }
    text = parts.length ? parts.join(' — ') : safeJson(body)
  }
  text = text.replace(/\s+/g, ' ').trim()
  return text.length > MAX ? `${text.slice(0, MAX)}…` : text
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? ''
  } catch {
    return String(v)
  }
}

/** An ability name the server mentions in its body (e.g. `{"message":"Missing ability: orders:write"}`). */
function abilityFromBody(body: unknown): string | undefined {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>
    for (const key of ['ability', 'required_ability', 'scope', 'required_scope']) {
      if (typeof b[key] === 'string' && b[key]) return b[key] as string
    }
    for (const key of ['abilities', 'required_abilities', 'scopes']) {
      const v = b[key]
      if (Array.isArray(v) && v.length && v.every((x) => typeof x === 'string')) return v.join(', ')
    }
  }
  const m = ABILITY_RE.exec(typeof body === 'string' ? body : safeJson(body))
  return m ? m[1] : undefined
}

/** Turn an HTTP error status + body into a plain message. `ability` is what the endpoint needs (see requiredAbility). */
export function describeHttpFailure(status: number, body: unknown, api: Api, ability?: string): FailureDescription {
  const detail = bodyMessage(body)
  const apiName = api === 'zangsho' ? '帳獸' : 'SHOPLINE'
  if (status === 401) {
    const get = WHERE_TO_GET_TOKEN[api]
    return {
      kind: 'unauthorized',
      message: {
        'zh-TW': `${apiName} 拒絕了這個權杖（HTTP 401）：權杖錯誤、已被撤銷或已重新產生。${get['zh-TW']}`,
        en: `${apiName} rejected the token (HTTP 401): it is wrong, revoked or was regenerated. ${get.en}`
      }
    }
  }
  if (status === 403) {
    const needed = abilityFromBody(body) ?? ability
    const fix: Msg =
      api === 'zangsho'
        ? {
            'zh-TW': '請到帳獸「API 設定」產生一組含此權限的權杖，存入這個連線設定後再試一次。',
            en: 'Create a token with this ability on the 帳獸 「API 設定」 page, save it in this profile and try again.'
          }
        : {
            'zh-TW': '請到 SHOPLINE 員工設定的「API Auth」分頁勾選此權限並重新產生權杖，存入這個連線設定後再試一次。',
            en: "Tick this permission on the staff member's API Auth tab in SHOPLINE, generate a new token, save it in this profile and try again."
          }
    return {
      kind: 'forbidden',
      ability: needed,
      message: needed
        ? {
            'zh-TW': `這個權杖缺少權限「${needed}」（HTTP 403）。${fix['zh-TW']}`,
            en: `The token lacks the ability "${needed}" (HTTP 403). ${fix.en}`
          }
        : {
            'zh-TW': `這個權杖沒有此操作的權限（HTTP 403）${detail ? `：${detail}` : ''}。${fix['zh-TW']}`,
            en: `The token is not allowed to do this (HTTP 403)${detail ? `: ${detail}` : ''}. ${fix.en}`
          }
    }
  }
  if (status === 429) {
    return {
      kind: 'rate_limited',
      message: {
        'zh-TW': `${apiName} 表示請求太頻繁（HTTP 429，已達速率限制）。請稍等一兩分鐘再試；推送會自動放慢速度。`,
        en: `${apiName} says there were too many requests (HTTP 429, rate limited). Wait a minute or two and try again; a push slows down by itself.`
      }
    }
  }
  const shown = detail || (status >= 500 ? '伺服器內部錯誤 / server error' : '')
  return {
    kind: 'http_error',
    message: {
      'zh-TW': `${apiName} 回應 HTTP ${status}${shown ? `：${shown}` : ''}。${status >= 500 ? '這是對方伺服器的問題，請稍後再試。' : '請依訊息修正後再試。'}`,
      en: `${apiName} answered HTTP ${status}${shown ? `: ${shown}` : ''}. ${status >= 500 ? 'This is a problem on their server; try again later.' : 'Fix what the message says and try again.'}`
    }
  }
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ECONNRESET',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'EADDRNOTAVAIL'
])
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ESOCKETTIMEDOUT'
])
const TLS_CODE_RE =
  /^(CERT_|UNABLE_TO_(VERIFY|GET_ISSUER)|SELF_SIGNED|DEPTH_ZERO_SELF_SIGNED|ERR_TLS|ERR_SSL|ERR_OSSL|HOSTNAME_MISMATCH)/

interface ErrInfo {
  codes: string[]
  names: string[]
  messages: string[]
}

/** Collect code/name/message along err.cause (undici puts the socket error there), bounded in depth. */
function unwrap(err: unknown): ErrInfo {
  const info: ErrInfo = { codes: [], names: [], messages: [] }
  let cur: unknown = err
  for (let depth = 0; depth < 6 && cur != null; depth++) {
    if (typeof cur !== 'object') {
      info.messages.push(String(cur))
      break
    }
    const e = cur as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; errors?: unknown }
    if (typeof e.code === 'string') info.codes.push(e.code)
    if (typeof e.name === 'string') info.names.push(e.name)
    if (typeof e.message === 'string' && e.message) info.messages.push(e.message)
    // AggregateError (happy-eyeballs tries several addresses): look at the first one too.
    if (!e.cause && Array.isArray(e.errors) && e.errors.length) cur = e.errors[0]
    else cur = e.cause
  }
  return info
}

/** Turn a fetch/network exception into a plain message. */
export function describeNetworkFailure(err: unknown): { kind: FailureKind; message: Msg } {
  const { codes, names, messages } = unwrap(err)
  const detail = (codes[codes.length - 1] ?? messages[messages.length - 1] ?? '').slice(0, 200)
  const tag = detail ? `（${detail}）` : ''
  const tagEn = detail ? ` (${detail})` : ''
  const text = messages.join(' ')
  if (codes.some((c) => TLS_CODE_RE.test(c)) || /certificate|SSL routines|TLS/i.test(text)) {
    return {
      kind: 'tls',
      message: {
        'zh-TW': `安全連線（TLS/HTTPS）失敗${tag}：伺服器的憑證無法驗證。請確認網址正確；若在公司網路，可能是防火牆或代理攔截了 HTTPS。`,
        en: `The secure connection (TLS/HTTPS) failed${tagEn}: the server's certificate could not be verified. Check the URL; on an office network a firewall or proxy may be intercepting HTTPS.`
      }
    }
  }
  if (
    names.some((n) => n === 'AbortError' || n === 'TimeoutError') ||
    codes.some((c) => TIMEOUT_CODES.has(c) || c === 'ABORT_ERR' || c === 'ERR_ABORTED')
  ) {
    return {
      kind: 'timeout',
      message: {
        'zh-TW': '伺服器太久沒有回應（逾時）。請檢查網路連線後再試一次。',
        en: 'The server took too long to answer (timeout). Check the internet connection and try again.'
      }
    }
  }
  const known = codes.find((c) => UNREACHABLE_CODES.has(c))
  const shown = known ?? detail
  return {
    kind: 'unreachable',
    message: {
      'zh-TW': `無法連上伺服器${shown ? `（${shown}）` : ''}。請檢查網址是否正確、電腦是否連上網路，或防火牆是否阻擋。`,
      en: `Cannot reach the server${shown ? ` (${shown})` : ''}. Check the URL, the internet connection, or whether a firewall blocks it.`
    }
  }
}

/** Path part after the API version, without query: "https://x/v1/orders/batch?a=1" → "/orders/batch". */
function apiPath(path: string): string {
  let p = path
  try {
    if (/^[a-z]+:\/\//i.test(p)) p = new URL(p).pathname
  } catch {
    // keep as given
  }
  p = p.split('?')[0].split('#')[0]
  if (!p.startsWith('/')) p = `/${p}`
  return p.replace(/^\/v\d+(?=\/|$)/, '')
}

const ZANGSHO_RESOURCES = new Set(['customers', 'orders', 'subscriptions'])
const SHOPLINE_RESOURCES = new Set(['customers', 'orders', 'delivery_options', 'payments', 'products', 'merchants'])

/**
 * The ability (scope) an endpoint needs, e.g. POST /orders/batch → orders:write, GET /customers → customers:read.
 * 帳獸 names these in its auth guide; for SHOPLINE the same resource:read|write form names the API to tick.
 */
export function requiredAbility(api: Api, method: string, path: string): string | undefined {
  const first = apiPath(path).split('/').filter(Boolean)[0]
  if (!first) return undefined
  const known = api === 'zangsho' ? ZANGSHO_RESOURCES : SHOPLINE_RESOURCES
  if (!known.has(first)) return undefined
  const m = method.toUpperCase()
  const action = m === 'GET' || m === 'HEAD' ? 'read' : 'write'
  return `${first}:${action}`
}
