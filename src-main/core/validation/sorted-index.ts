// key → row indexes kept in ascending order: the duplicate index and the SHOPLINE order groups.

const EMPTY: readonly number[] = []

export class SortedIndex {
  private readonly map = new Map<string, number[]>()

  get(key: string): readonly number[] {
    return this.map.get(key) ?? EMPTY
  }

  keys(): string[] {
    return [...this.map.keys()]
  }

  add(key: string, idx: number): void {
    const list = this.map.get(key)
    if (!list) {
      this.map.set(key, [idx])
      return
    }
    if (list[list.length - 1] < idx) {
      list.push(idx) // rows arrive in sheet order on the first pass
      return
    }
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
    const list = this.map.get(key)
    if (!list) return
    const at = list.indexOf(idx)
    if (at >= 0) list.splice(at, 1)
    if (list.length === 0) this.map.delete(key)
  }
}
