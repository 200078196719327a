// What the renderer may see of profiles and connection checks: built field by field (never spread), with any token scrubbed.
import { isKeychainUnavailable } from '../core/credentials/keychain'
import type { Msg } from '../core/credentials/messages'
import { ProfileError, REHEARSAL_PROFILE_ID, type Profile } from '../core/credentials/profile-schema'
import type { ConnectionResult, ShoplineOption } from '../core/credentials/connection'
import type { RendererTokenStatus } from '../core/credentials/renderer-view'
import type { ConnectionCheckView, Localized, ProfileTokenView, ProfileView, ShoplineOptionView } from '../ipc/contract'
import { ServiceError } from './errors'

const MASK = '••••'

/** Replace every occurrence of the token in a text: a hostile or chatty server could echo the Authorization header back. */
export function scrub(text: string, token: string | null): string {
  return token && token.length >= 4 ? text.split(token).join(MASK) : text
}

export function scrubMsg(message: Msg, token: string | null): Localized {
  return { 'zh-TW': scrub(message['zh-TW'], token), en: scrub(message.en, token) }
}

export function tokenView(status: RendererTokenStatus): ProfileTokenView {
  const view: ProfileTokenView = { saved: status.saved, last4: status.last4 }
  if ('unavailable' in status) view.unavailable = { 'zh-TW': status.unavailable['zh-TW'], en: status.unavailable.en }
  return view
}

/** One profile for the UI. `liveRehearsalUrl` fills a rehearsal profile that has no address of its own. */
export function profileView(profile: Profile, token: ProfileTokenView, liveRehearsalUrl: string | null): ProfileView {
  const view: ProfileView = {
    id: profile.id,
    name: profile.name,
    destination: profile.destination,
    baseUrl: profile.baseUrl || (profile.destination === 'rehearsal' ? (liveRehearsalUrl ?? '') : ''),
    timezone: profile.timezone,
    builtIn: profile.id === REHEARSAL_PROFILE_ID,
    needsToken: profile.destination !== 'rehearsal',
    token
  }
  if (profile.pacing) {
    const { minIntervalMs, batchSize, maxRequestsPerSecond } = profile.pacing
    view.pacing = { minIntervalMs, batchSize, maxRequestsPerSecond }
  }
  if (profile.advanced?.eventsPath) view.eventsPath = profile.advanced.eventsPath
  if (profile.shopline) {
    const { deliveryOptionId, deliveryOptionName, paymentMethodId, paymentMethodName } = profile.shopline
    view.shopline = { deliveryOptionId, deliveryOptionName, paymentMethodId, paymentMethodName }
  }
  return view
}

export function connectionView(result: ConnectionResult, token: string | null): ConnectionCheckView {
  const view: ConnectionCheckView = { ok: result.ok, kind: result.kind, message: scrubMsg(result.message, token) }
  if (result.status !== undefined) view.status = result.status
  if (result.ability !== undefined) view.ability = scrub(result.ability, token)
  return view
}

export function optionView(option: ShoplineOption, token: string | null): ShoplineOptionView {
  const view: ShoplineOptionView = {
    id: scrub(option.id, token),
    name: scrub(option.name, token),
    usable: option.usable
  }
  if (option.why) view.why = scrubMsg(option.why, token)
  if (option.kind !== undefined) view.kind = scrub(option.kind, token)
  if (option.status !== undefined) view.status = option.status
  if (option.excludes) view.excludes = option.excludes.map((id) => scrub(id, token))
  return view
}

/** Why only custom kinds can be picked, shown above the SHOPLINE pickers. */
export const SHOPLINE_CUSTOM_ONLY: Localized = {
  'zh-TW':
    '匯入歷史訂單只能選「自訂」類型的送貨方式與付款方式：SHOPLINE 的建立訂單 API 不接受第三方物流（7-11、全家、黑貓…）、' +
    '第三方金流與 SHOPLINE Payments；官方也建議用專用的自訂方式，後台與顧客看到的訂單才不會帶出取貨或付款說明。' +
    '若清單中沒有可選的項目，請先在 SHOPLINE 後台新增（例如「歷史訂單匯入」）。',
  en:
    'Historical orders can use only custom delivery options and payment methods: SHOPLINE’s create-order API rejects ' +
    'third-party logistics (7-11, FamilyMart…), third-party payment gateways and SHOPLINE Payments, and SHOPLINE advises a ' +
    'dedicated custom option so the admin and customer views carry no pickup or payment instructions. If none can be chosen, ' +
    'add one (e.g. "Historical import") in the SHOPLINE admin first.'
}

/** Profile rule and keychain failures become typed errors with both languages; anything else is left to toApiError. */
export function toServiceError(error: unknown): unknown {
  if (error instanceof ProfileError) {
    return new ServiceError(`profile_invalid.${error.field}`, error.userMessage.en, undefined, error.userMessage)
  }
  if (isKeychainUnavailable(error)) {
    return new ServiceError('keychain_unavailable', error.userMessage.en, undefined, error.userMessage)
  }
  return error
}
