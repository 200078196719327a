// The renderer's `{{n, number}}` format: same text as i18next's built-in one; whole numbers without Intl (its first
// formatter costs a page 20-70 ms), other numbers with one Intl.NumberFormat per language.
import { afterEach, describe, expect, it, vi } from 'vitest'
import i18next from 'i18next'
import { formatDateTime, formatNumber, installNumberFormat } from '../../src-renderer/src/i18n/number-format'

async function instance(install: boolean) {
  const i18n = i18next.createInstance()
  await i18n.init({
    resources: {
      'zh-TW': { translation: { rows: '共 {{count, number}} 列（{{total, number}}）' } },
      en: { translation: { rows: '{{count, number}} rows ({{total, number}})' } }
    },
    lng: 'zh-TW',
    interpolation: { escapeValue: false }
  })
  if (install) installNumberFormat(i18n)
  return i18n
}

afterEach(() => vi.restoreAllMocks())

describe('number format', () => {
  it('formats as the built-in formatter does, in both languages', async () => {
    const builtIn = await instance(false)
    const ours = await instance(true)
    for (const count of [0, 7, 1234, 50_000, -1234, 9_007_199_254_740_991, 1_234_567.5, 0.1234]) {
      for (const lng of ['zh-TW', 'en']) {
        expect(ours.t('rows', { count, total: count * 3, lng })).toBe(
          builtIn.t('rows', { count, total: count * 3, lng })
        )
      }
    }
    expect(ours.t('rows', { count: 50_000, total: 1234, lng: 'en' })).toBe('50,000 rows (1,234)')
  })

  it('whole numbers never build an Intl.NumberFormat; other numbers build one per language, not one per value', async () => {
    const ours = await instance(true)
    const made = vi.spyOn(Intl, 'NumberFormat')
    for (let count = 0; count < 500; count++) ours.t('rows', { count, total: count + 1 })
    expect(made).not.toHaveBeenCalled()
    made.mockRestore()
    // other numbers: one formatter per language, counted by a subclass that still formats
    const Real = Intl.NumberFormat
    let built = 0
    Intl.NumberFormat = class extends Real {
      constructor(...args: ConstructorParameters<typeof Real>) {
        super(...args)
        built++
      }
    } as typeof Real
    try {
      const texts = Array.from({ length: 50 }, (_, k) => formatNumber(1000 + k + 0.5, 'de-CH')) // no other test's language
      expect(texts[0]).toBe(new Real('de-CH').format(1000.5))
    } finally {
      Intl.NumberFormat = Real
    }
    expect(built).toBe(1)
    const builtInMade = vi.spyOn(Intl, 'NumberFormat')
    // the built-in one, for contrast, makes new formatters as the counts change
    const builtIn = await instance(false)
    for (let count = 0; count < 50; count++) builtIn.t('rows', { count, total: count + 1 })
    expect(builtInMade.mock.calls.length).toBeGreaterThan(40)
  })

  it('times are local "YYYY/MM/DD HH:mm", without Intl; text that is not a time is shown as it is', () => {
    const made = vi.spyOn(Intl, 'DateTimeFormat')
    const local = new Date(2026, 10, 30, 9, 5)
    expect(formatDateTime(local.toISOString())).toBe('2026/11/30 09:05')
    expect(formatDateTime('not a time')).toBe('not a time')
    expect(made).not.toHaveBeenCalled()
  })
})
