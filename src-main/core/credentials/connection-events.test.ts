// "Test connection" for a profile used for subscription events checks the events list too (rehearsal server over loopback).
import { afterEach, describe, expect, it } from 'vitest'
import { testConnection } from './connection'
import type { Profile } from './profile-schema'
import { profileSchema } from './profile-schema'
import { startSandbox, type Sandbox } from '../../sandbox'

let sb: Sandbox | null = null
afterEach(async () => {
  await sb?.close()
  sb = null
})
const zangsho = (baseUrl: string, advanced?: Profile['advanced']): Profile => ({
  id: 'z',
  name: 'Z',
  destination: 'zangsho',
  baseUrl,
  timezone: 'Asia/Taipei',
  ...(advanced ? { advanced } : {})
})

describe('connection test for subscription events', () => {
  it('asks the events list when asked, or when the profile sets an events path; reports a token that cannot read it', async () => {
    sb = await startSandbox({
      port: 0,
      tokens: { full: { api: 'zangsho' }, noevents: { api: 'zangsho', abilities: ['customers:read'] } }
    })
    const plain = await testConnection(zangsho(sb.zangshoBaseUrl), 'full', fetch)
    expect(plain.ok).toBe(true)
    expect(sb.state.requestLog.map((r) => r.path)).toEqual(['/zangsho/v1/customers?per_page=1'])

    const asked = await testConnection(zangsho(sb.zangshoBaseUrl), 'full', fetch, { events: true })
    expect(asked.ok).toBe(true)
    expect(asked.message.en).toContain('POST /subscriptions/events')
    expect(sb.state.requestLog.at(-1)?.path).toBe('/zangsho/v1/subscriptions/events?per_page=1')

    const moved = await testConnection(
      zangsho(sb.zangshoBaseUrl, { eventsPath: '/subscription-events' }),
      'full',
      fetch
    )
    expect(moved.message['zh-TW']).toContain('POST /subscription-events')

    const denied = await testConnection(zangsho(sb.zangshoBaseUrl), 'noevents', fetch, { events: true })
    expect(denied.ok).toBe(false)
    expect(denied.status).toBe(403)
    expect(denied.message.en).toContain('GET /subscriptions/events did not answer')
  })

  it('the profile schema takes an events path under the base URL only', () => {
    const base = zangsho('https://api.zangsho.com/v1')
    expect(profileSchema.safeParse({ ...base, advanced: { eventsPath: '/subscriptions/events' } }).success).toBe(true)
    expect(profileSchema.safeParse({ ...base, advanced: { eventsPath: 'https://evil.example/x' } }).success).toBe(false)
    expect(profileSchema.safeParse({ ...base, advanced: { other: 1 } }).success).toBe(false)
  })
})
