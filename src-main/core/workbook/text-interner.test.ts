import { describe, expect, it } from 'vitest'
import { TextInterner } from './text-interner'

// Strings are compared by value in JS, so which instance is kept cannot be seen here: the memory it saves is measured
// by `npm run bench validate` (peak RSS). These check that texts come back unchanged and that the cache stays bounded.
describe('TextInterner', () => {
  it('gives every text back unchanged, across chunks', () => {
    const texts = new TextInterner()
    const first = ['a@example.com', '王小明', '']
    const second = ['王小明', 'b@example.com', 'a@example.com']
    texts.internAll(first)
    texts.internAll(second)
    expect(first).toEqual(['a@example.com', '王小明', ''])
    expect(second).toEqual(['王小明', 'b@example.com', 'a@example.com'])
    expect(texts.size).toBe(4)
  })

  it('keeps at most two generations of texts, however many unique texts pass', () => {
    const texts = new TextInterner(1000)
    for (let i = 0; i < 100_000; i++) expect(texts.intern(`ODK-${i}`)).toBe(`ODK-${i}`)
    expect(texts.size).toBeLessThanOrEqual(2000)
  })
})
