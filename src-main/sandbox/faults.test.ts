import { describe, expect, it } from 'vitest'
import { FaultInjector, parseFaultSpec } from './faults'

describe('parseFaultSpec', () => {
  it('reads the grammar with defaults for the arguments', () => {
    expect(parseFaultSpec('5xx=0.1,drop=0.05,slow=0.1:1500,storm=0.02:5')).toEqual({
      error5xx: 0.1,
      drop: 0.05,
      slow: { probability: 0.1, ms: 1500 },
      storm: { probability: 0.02, length: 5 }
    })
    expect(parseFaultSpec(' slow = 0.5 , storm=1 ')).toEqual({
      slow: { probability: 0.5, ms: 1000 },
      storm: { probability: 1, length: 3 }
    })
    expect(parseFaultSpec('')).toEqual({})
    expect(parseFaultSpec('none')).toEqual({})
  })

  it.each(['5xx', '5xx=2', 'drop=0.1:3', 'storm=0.1:0', 'slow=0.1:999999', 'fire=0.1', '5xx=0.1;drop=0.1'])(
    'refuses "%s" with a message saying how',
    (spec) => {
      expect(() => parseFaultSpec(spec)).toThrow(/bad fault/)
    }
  )
})

describe('FaultInjector', () => {
  it('storms come in whole runs of the given length', () => {
    const injector = new FaultInjector({ storm: { probability: 0.3, length: 4 } }, 42)
    const kinds = Array.from({ length: 2000 }, () => injector.before()?.kind ?? '-').join('')
    const runs = kinds.split('-').filter(Boolean)
    expect(runs.length).toBeGreaterThan(50)
    expect(runs.every((r) => r.length % 'storm'.length === 0 && (r.length / 'storm'.length) % 4 === 0)).toBe(true)
  })

  it('hits roughly the asked probability, the same way for the same seed', () => {
    const draw = (seed: number) => {
      const injector = new FaultInjector({ error5xx: 0.1, drop: 0.2 }, seed)
      return Array.from({ length: 5000 }, () => `${injector.before()?.kind ?? ''}${injector.after().drop ? 'd' : ''}`)
    }
    const a = draw(3)
    expect(draw(3)).toEqual(a)
    const rate5xx = a.filter((x) => x.startsWith('5xx')).length / a.length
    expect(rate5xx).toBeGreaterThan(0.08)
    expect(rate5xx).toBeLessThan(0.12)
  })
})
