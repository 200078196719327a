// Bounded caches for hot paths: emptied whole when full (no bookkeeping per hit), and looked up by the keys as they
// are, so no key string is built per look-up.

/** key → value, at most `limit` entries. */
export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>()

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.map.get(key)
  }

  set(key: K, value: V): void {
    if (this.map.size >= this.limit) this.map.clear()
    this.map.set(key, value)
  }
}

/** (outer, inner) → value, at most `limit` values in all. */
export class TwoKeyCache<A, B, V> {
  private readonly outer = new Map<A, Map<B, V>>()
  private kept = 0

  constructor(private readonly limit: number) {}

  get(a: A, b: B): V | undefined {
    return this.outer.get(a)?.get(b)
  }

  set(a: A, b: B, value: V): void {
    if (this.kept >= this.limit) {
      this.outer.clear()
      this.kept = 0
    }
    let inner = this.outer.get(a)
    if (!inner) this.outer.set(a, (inner = new Map()))
    inner.set(b, value)
    this.kept++
  }
}
