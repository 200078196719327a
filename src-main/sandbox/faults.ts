// Fault injection: a small grammar ("5xx=0.1,drop=0.05,slow=0.1:1500,storm=0.02:5") and a seeded, deterministic injector.

export interface FaultSpec {
  /** probability of answering 500/503 before doing anything */
  error5xx?: number
  /** probability of committing, then destroying the socket without answering */
  drop?: number
  /** probability and delay (ms) of a slow response, after commit */
  slow?: { probability: number; ms: number }
  /** probability of starting a run of `length` consecutive 429 answers (Retry-After: 1) */
  storm?: { probability: number; length: number }
}

export const DEFAULT_SLOW_MS = 1000
export const DEFAULT_STORM_LENGTH = 3
const MAX_SLOW_MS = 120_000
const MAX_STORM_LENGTH = 1000

/** Parse the fault grammar; throws an Error whose message says what is wrong and how to write it. */
export function parseFaultSpec(text: string): FaultSpec {
  const spec: FaultSpec = {}
  const trimmed = text.trim()
  if (trimmed === '' || trimmed === 'none') return spec
  for (const part of trimmed.split(',')) {
    const m = /^\s*(5xx|drop|slow|storm)\s*=\s*([0-9.]+)\s*(?::\s*([0-9]+))?\s*$/.exec(part)
    if (!m)
      throw new Error(
        `bad fault "${part.trim()}": write kind=probability[:arg], kinds 5xx, drop, slow (arg ms), storm (arg count), e.g. "5xx=0.1,slow=0.2:1500"`
      )
    const [, kind, pText, argText] = m
    const p = Number(pText)
    if (!Number.isFinite(p) || p < 0 || p > 1)
      throw new Error(`bad fault "${part.trim()}": the probability must be between 0 and 1`)
    const arg = argText === undefined ? undefined : Number(argText)
    if (kind === '5xx' || kind === 'drop') {
      if (arg !== undefined) throw new Error(`bad fault "${part.trim()}": ${kind} takes no ":arg"`)
      if (kind === '5xx') spec.error5xx = p
      else spec.drop = p
    } else if (kind === 'slow') {
      const ms = arg ?? DEFAULT_SLOW_MS
      if (ms > MAX_SLOW_MS) throw new Error(`bad fault "${part.trim()}": slow is at most ${MAX_SLOW_MS} ms`)
      spec.slow = { probability: p, ms }
    } else {
      const length = arg ?? DEFAULT_STORM_LENGTH
      if (length < 1 || length > MAX_STORM_LENGTH)
        throw new Error(`bad fault "${part.trim()}": a storm is 1 to ${MAX_STORM_LENGTH} answers long`)
      spec.storm = { probability: p, length }
    }
  }
  return spec
}

export function normalizeFaults(spec: string | FaultSpec | null | undefined): FaultSpec {
  if (spec === null || spec === undefined) return {}
  return typeof spec === 'string' ? parseFaultSpec(spec) : { ...spec }
}

/** mulberry32: tiny, fast, deterministic for a seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type BeforeFault = { kind: 'storm' } | { kind: '5xx'; status: 500 | 503 } | null
export interface AfterFault {
  drop: boolean
  slowMs: number
}

/** Decides faults for write requests. Every decision draws the same number of values, so a seed replays exactly. */
export class FaultInjector {
  private random: () => number
  private stormLeft = 0

  constructor(
    private spec: FaultSpec,
    seed: number
  ) {
    this.random = prng(seed)
  }

  setSpec(spec: FaultSpec): void {
    this.spec = spec
    this.stormLeft = 0
  }

  /** Before any work: an ongoing or new 429 storm, or a 5xx. */
  before(): BeforeFault {
    const [rStorm, r5xx, rStatus] = [this.random(), this.random(), this.random()]
    if (this.stormLeft > 0) {
      this.stormLeft--
      return { kind: 'storm' }
    }
    const storm = this.spec.storm
    if (storm && rStorm < storm.probability) {
      this.stormLeft = storm.length - 1
      return { kind: 'storm' }
    }
    if (this.spec.error5xx !== undefined && r5xx < this.spec.error5xx)
      return { kind: '5xx', status: rStatus < 0.5 ? 500 : 503 }
    return null
  }

  /** After the work is committed: drop the connection, or delay the answer. */
  after(): AfterFault {
    const [rDrop, rSlow] = [this.random(), this.random()]
    if (this.spec.drop !== undefined && rDrop < this.spec.drop) return { drop: true, slowMs: 0 }
    const slow = this.spec.slow
    if (slow && rSlow < slow.probability) return { drop: false, slowMs: slow.ms }
    return { drop: false, slowMs: 0 }
  }
}
