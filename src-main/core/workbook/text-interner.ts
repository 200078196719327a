// Texts repeated across chunks (e-mails, names, phones) kept once: every chunk brings its own copies from the worker.
// Two generations of at most `max` texts each: a text seen in either is reused, and memory stays bounded when most
// texts are unique (order numbers, times).
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

  /** A chunk's texts replaced, in place, by the instances already kept. */
  internAll(texts: string[]): void {
    for (let k = 0; k < texts.length; k++) texts[k] = this.intern(texts[k])
  }
}
