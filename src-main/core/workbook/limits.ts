// Default caps for opening a file: a hostile or huge file must fail with a message, never hang or exhaust memory.
import type { ReadLimits } from './types'

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxRows: 1_000_000,
  timeoutMs: 120_000,
  maxHeapMb: 1024,
  maxUnzippedBytes: 1536 * 1024 * 1024,
  maxZipRatio: 200
}

export function resolveLimits(limits?: Partial<ReadLimits>): ReadLimits {
  const out = { ...DEFAULT_LIMITS }
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof ReadLimits)[]) {
    const value = limits?.[key]
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) out[key] = value
  }
  return out
}
