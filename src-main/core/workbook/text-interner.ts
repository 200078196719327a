// Texts repeated across chunks (e-mails, names, phones) kept once: every chunk brings its own copies from the worker.
// Two generations of at most `max` texts each: a text seen in either is reused, and memory stays bounded.
import type { CompactChunk } from './compact-rows'

export class TextInterner {
  private current = new Map<string, string>()
  private previous = new Map<string, string>()

  constructor(private readonly max = 50_000) {}

  intern(text: string): string {
    const kept = this.current.get(text)
    if (kept !== undefined) return kept
    const same = this.previous.get(text) ?? text
    if (this.current.size >= this.max) {
      this.previous = this.current
      this.current = new Map()
    }
    this.current.set(same, same)
    return same
  }

  /** Texts kept now (both generations). */
  get size(): number {
    return this.current.size + this.previous.size
  }

  /**
   * A chunk's texts replaced, in place, by the instances already kept: only those of columns that repeat themselves
   * within the chunk (statuses, e-mails, names). Columns of unique texts (order numbers, times) are not worth a look-up.
   */
  internRepeated(chunk: CompactChunk): void {
    const { width, refs, strings } = chunk
    const rows = chunk.rowNumbers.length
    const seen = new Int32Array(strings.length) // column + 1 that last saw each text
    const texts: number[] = []
    for (let c = 0; c < width; c++) {
      texts.length = 0
      let cells = 0
      for (let i = c; i < rows * width; i += width) {
        const k = refs[i]
        if (k < 0) continue
        cells++
        if (seen[k] !== c + 1) {
          seen[k] = c + 1
          texts.push(k)
        }
      }
      // a column of mostly distinct texts (over 80 %) is not worth it; e-mails at ~65 % still repeat across chunks
      if (texts.length * 5 > cells * 4) continue
      for (const k of texts) strings[k] = this.intern(strings[k])
    }
  }
}
