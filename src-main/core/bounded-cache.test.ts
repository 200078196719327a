import { describe, expect, it } from 'vitest'
import { BoundedCache, TwoKeyCache } from './bounded-cache'

describe('bounded caches', () => {
  it('TwoKeyCache keeps values by both keys, null included, and empties itself when it reaches its limit', () => {
    const cache = new TwoKeyCache<string, number, number | null>(3)
    cache.set('a', 1, 10)
    cache.set('a', 2, null)
    cache.set('b', 1, 30)
    expect([cache.get('a', 1), cache.get('a', 2), cache.get('b', 1), cache.get('b', 2)]).toEqual([
      10,
      null,
      30,
      undefined
    ])
    cache.set('c', 1, 40) // the fourth: the cache starts over
    expect([cache.get('a', 1), cache.get('b', 1), cache.get('c', 1)]).toEqual([undefined, undefined, 40])
  })

  it('BoundedCache keeps at most its limit', () => {
    const cache = new BoundedCache<string, string>(2)
    cache.set('x', 'X')
    cache.set('y', 'Y')
    expect([cache.get('x'), cache.get('y')]).toEqual(['X', 'Y'])
    cache.set('z', 'Z')
    expect([cache.get('x'), cache.get('y'), cache.get('z')]).toEqual([undefined, undefined, 'Z'])
  })
})
