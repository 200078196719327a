import { describe, it, expect } from 'vitest'
import { ok, fail, empty, shown } from './normalized'

describe('normalized helpers', () => {
  it('builds results', () => {
    expect(ok(5)).toEqual({ ok: true, value: 5 })
    expect(fail('x', '中', 'en')).toEqual({ ok: false, code: 'x', message: { 'zh-TW': '中', en: 'en' } })
    expect(empty()).toMatchObject({ ok: false, code: 'empty' })
  })
  it('shortens long values in messages', () => {
    expect(shown('a'.repeat(100))).toHaveLength(58)
    expect(shown(12)).toBe('12')
  })
})
