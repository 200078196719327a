import { describe, expect, it } from 'vitest'
import { localizeResult, reasonLabel } from './result-messages'
import { summarize } from './state'
import type { RowResult } from './types'

const row = (outcome: RowResult['outcome'], reason: string | null, message: string | null): RowResult => ({
  row: 2,
  rows: [2],
  outcome,
  id: null,
  reason,
  message
})

describe('push outcomes in the user language', () => {
  it('"not sent" is its own outcome, counted as summary.notSent and never as failed', () => {
    const s = summarize([
      row('created', null, null),
      row('not_sent', 'not_sent', 'Not sent: the job was cancelled. Resume the job or retry failed rows.'),
      row('failed', 'http_500', 'boom')
    ])
    expect(s).toMatchObject({ total: 3, created: 1, notSent: 1, failed: 1 })
  })

  it('says why a row was not sent in zh-TW, with no English and no raw code', () => {
    const r = localizeResult(
      row('not_sent', 'not_sent', 'Not sent: the job was cancelled. Resume the job or retry failed rows.'),
      'zh-TW'
    )
    expect(r.message).toContain('你取消了這次匯入')
    expect(r.message).not.toMatch(/[A-Za-z_]{4,}/)
    expect(reasonLabel('not_sent', 'zh-TW')).toBe('未送出')
    expect(reasonLabel('not_sent', 'en')).toBe('Not sent')
  })

  it('quotes a server refusal in its own words and names the HTTP status in words', () => {
    const r = localizeResult(row('failed', 'http_409', 'order exists'), 'zh-TW')
    expect(r.message).toBe('伺服器拒絕了這一列（HTTP 409）：order exists')
    expect(reasonLabel('http_409', 'en')).toBe('Server answered HTTP 409')
    expect(reasonLabel('some_new_code', 'zh-TW')).toBe('其他問題')
  })

  it('customer messages keep the e-mail, English stays as the engine wrote it', () => {
    const zh = localizeResult(
      row(
        'failed',
        'customer_not_found',
        'No customer with email a@b.tw was found in 帳獸, and creating it did not succeed.'
      ),
      'zh-TW'
    )
    expect(zh.message).toContain('a@b.tw')
    const en = row('failed', 'customer_not_found', 'No customer with email a@b.tw was found')
    expect(localizeResult(en, 'en')).toBe(en)
  })
})
