// "Test connection" for a profile used for subscription events: the documented events list must answer too.
import { REHEARSAL_TOKEN, type Profile } from './profile-schema'
import { DEFAULT_TIMEOUT_MS, authedGet, profileApi, type ConnectionResult } from './connection-http'

/** The documented list (api §8.2); the create path is inferred from it and may be changed per profile. */
export const EVENTS_LIST_CHECK_PATH = '/subscriptions/events?per_page=1'

/** A 帳獸 profile is used for events when it says so (a changed events path) or when the caller asks. */
export function usedForEvents(profile: Profile, asked?: boolean): boolean {
  return profileApi(profile) === 'zangsho' && (asked === true || profile.advanced?.eventsPath !== undefined)
}

/** After a good connection: GET the events list; a failure keeps the HTTP kind and says what it means for events. */
export async function checkEventsList(
  profile: Profile,
  token: string | null,
  fetchFn: typeof globalThis.fetch,
  connected: ConnectionResult,
  timeoutMs = DEFAULT_TIMEOUT_MS
): Promise<ConnectionResult> {
  const got = await authedGet(profile, token ?? REHEARSAL_TOKEN, EVENTS_LIST_CHECK_PATH, fetchFn, timeoutMs)
  if (!got.ok) {
    const r = got.result
    return {
      ...r,
      message: {
        'zh-TW': `權杖可用,但訂閱事件列表 GET /subscriptions/events 沒有正常回應:${r.message['zh-TW']} 匯入訂閱事件需要這個端點(送出後核對用)。`,
        en: `The token works, but the subscription events list GET /subscriptions/events did not answer properly: ${r.message.en} Importing events needs it (to check sends whose answer was lost).`
      }
    }
  }
  const path = profile.advanced?.eventsPath ?? '/subscriptions/events'
  return {
    ...connected,
    message: {
      'zh-TW': `${connected.message['zh-TW']} 訂閱事件列表也有回應;事件會送到 POST ${path}(路徑為推測,可在進階設定修改)。`,
      en: `${connected.message.en} The subscription events list answers too; events will go to POST ${path} (an inferred path, changeable in advanced settings).`
    }
  }
}
