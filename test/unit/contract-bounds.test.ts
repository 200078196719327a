// Contract arguments have size bounds: a renderer cannot block the main process with a giant mapping or bogus row numbers.
import { describe, expect, it } from 'vitest'
import { prepareMethodArgs } from '../../src-main/ipc/prepare-contract'
import { MAX_MAPPING_KEYS } from '../../src-main/ipc/bounds-contract'

describe('contract size bounds', () => {
  it('prepare.setMapping refuses 200,000 keys at once, and accepts a real mapping', () => {
    const mapping = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`f${i}`, { column: 'A' }]))
    const started = performance.now()
    const r = prepareMethodArgs['prepare.setMapping'].safeParse({ prepId: 'p', mapping })
    expect(r.success).toBe(false)
    // was 9 s of blocked main thread; now refused before any key is parsed (generous bound for loaded CI machines)
    expect(performance.now() - started).toBeLessThan(1500)
    expect(
      prepareMethodArgs['prepare.setMapping'].safeParse({
        prepId: 'p',
        mapping: Object.fromEntries(Array.from({ length: MAX_MAPPING_KEYS + 1 }, (_, i) => [`f${i}`, { column: 'A' }]))
      }).success
    ).toBe(false)
    expect(
      prepareMethodArgs['prepare.setMapping'].safeParse({
        prepId: 'p',
        mapping: { order_no: { column: '訂單編號' }, currency: { constant: 'TWD' } }
      }).success
    ).toBe(true)
    expect(prepareMethodArgs['prepare.setMapping'].safeParse({ prepId: 'p', mapping: [] }).success).toBe(false)
  })
  it('dateOrder, row numbers and string lengths are bounded', () => {
    const dateOrder = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`c${i}`, 'ymd']))
    expect(prepareMethodArgs['prepare.setOptions'].safeParse({ prepId: 'p', dateOrder }).success).toBe(false)
    expect(prepareMethodArgs['prepare.setOptions'].safeParse({ prepId: 'p', dateOrder: { 日期: 'dmy' } }).success).toBe(
      true
    )
    expect(
      prepareMethodArgs['prepare.editCell'].safeParse({ prepId: 'p', row: 2 ** 40, column: 'A', value: 'x' }).success
    ).toBe(false)
    expect(
      prepareMethodArgs['prepare.editCell'].safeParse({ prepId: 'p', row: 2, column: 'A', value: 'x'.repeat(10_001) })
        .success
    ).toBe(false)
    expect(
      prepareMethodArgs['prepare.exclude'].safeParse({ prepId: 'p', rows: [2 ** 40], excluded: true }).success
    ).toBe(false)
    expect(
      prepareMethodArgs['prepare.rows'].safeParse({ prepId: 'p', offset: 2 ** 40, limit: 10, filter: 'all' }).success
    ).toBe(false)
  })
})
