// The 100k-row × 12-column order workbook the benchmarks share, made once and cached under .bench/.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeOrdersWorkbook } from './make-orders-xlsx'

export const BENCH_CACHE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.bench')

export function cachedOrders100k(): string {
  const path = join(BENCH_CACHE, 'orders-100000-sheetjs.xlsx')
  if (!existsSync(path)) {
    mkdirSync(BENCH_CACHE, { recursive: true })
    writeFileSync(path, makeOrdersWorkbook(100_000))
  }
  return path
}
