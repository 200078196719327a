// Size bounds for contract arguments: counted before zod walks the value, so a huge object is refused at once.
import { z } from 'zod'

/** A record with at most maxKeys keys; the count is checked before any key or value is parsed. */
export function boundedRecord<K extends z.ZodType<string>, V extends z.ZodType>(key: K, value: V, maxKeys: number) {
  return z
    .unknown()
    .refine((v) => typeof v !== 'object' || v === null || Array.isArray(v) || !hasMoreKeys(v, maxKeys), {
      message: `at most ${maxKeys} keys`
    })
    .pipe(z.record(key, value))
}

/** Mapping: one entry per destination field (the largest target has fewer than 60). */
export const MAX_MAPPING_KEYS = 200
/** Per-column settings (date order): one per source column, like the metadata column list. */
export const MAX_COLUMN_KEYS = 500
/** Row numbers: the reader's row cap plus headers. */
export const MAX_ROW_NUMBER = 1_100_000

/** Stops counting at max + 1 instead of listing every key. */
function hasMoreKeys(v: object, max: number): boolean {
  let n = 0
  for (const key in v) if (Object.prototype.hasOwnProperty.call(v, key) && ++n > max) return true
  return false
}
