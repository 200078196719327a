// key → row indexes kept in ascending order: the duplicate index and the SHOPLINE order groups.
// Most keys hold one row, so a lone index is stored as a number and an array exists only for duplicates.

export class SortedIndex {
  private readonly map = new Map<string, number | number[]>()

  get(key: string): readonly number[] {
    const v = this.map.get(key)
    return v === undefined ? [] : typeof v === 'number' ? [v] : v
  }

  /** How many rows share this key (no allocation). */
  count(key: string): number {
    const v = this.map.get(key)
    return v === undefined ? 0 : typeof v === 'number' ? 1 : v.length
  }

  keys(): string[] {
    return [...this.map.keys()]
  }

  add(key: string, idx: number): void {
    const v = this.map.get(key)
    if (v === undefined) {
      this.map.set(key, idx)
      return
    }
    const list = typeof v === 'number' ? [v] : v
    if (typeof v === 'number') this.map.set(key, list)
    let lo = 0
    let hi = list.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (list[mid] < idx) lo = mid + 1
      else hi = mid
    }
    if (list[lo] !== idx) list.splice(lo, 0, idx)
  }

  remove(key: string, idx: number): void {
    const v = this.map.get(key)
    if (v === undefined) return
    if (typeof v === 'number') {
      if (v === idx) this.map.delete(key)
      return
    }
    const at = v.indexOf(idx)
    if (at >= 0) v.splice(at, 1)
    if (v.length === 1) this.map.set(key, v[0])
  }
}
