// The renderer's `{{n, number}}` format: same text as i18next's built-in one, one Intl.NumberFormat per language.
import { afterEach, describe, expect, it, vi } from 'vitest'
import i18next from 'i18next'
import { installNumberFormat } from '../../src-renderer/src/i18n/number-format'

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
    for (const count of [0, 7, 1234, 50_000, 1_234_567.5]) {
      for (const lng of ['zh-TW', 'en']) {
        expect(ours.t('rows', { count, total: count * 3, lng })).toBe(
          builtIn.t('rows', { count, total: count * 3, lng })
        )
      }
    }
    expect(ours.t('rows', { count: 50_000, total: 1234, lng: 'en' })).toBe('50,000 rows (1,234)')
  })

  it('builds one Intl.NumberFormat per language, not one per distinct count', async () => {
    const ours = await instance(true)
    ours.t('rows', { count: 1, total: 1 }) // the language's formatter may be made here (or by an earlier test)
    const made = vi.spyOn(Intl, 'NumberFormat')
    for (let count = 0; count < 500; count++) ours.t('rows', { count, total: count + 1 })
    expect(made).not.toHaveBeenCalled()
    // the built-in one, for contrast, makes new formatters as the counts change
    const builtIn = await instance(false)
    for (let count = 0; count < 50; count++) builtIn.t('rows', { count, total: count + 1 })
    expect(made.mock.calls.length).toBeGreaterThan(40)
  })
})
