// Prepare benchmark on the 100k-row order workbook: map + normalize + validate as a ratio to reading the same file,
// and the time to re-validate after a single cell edit.
import { readWorkbookBytes } from '../../src-main/core/workbook'
import { autoMap } from '../../src-main/core/mapping/automap'
import { TARGETS } from '../../src-main/core/targets/index'
import { createPreparation } from '../../src-main/core/validation/prepare'
import type { PrepareSettings } from '../../src-main/core/validation/types'
import type { Cell } from '../../src-main/core/workbook/types'
import { makeOrdersWorkbook } from './make-orders-xlsx'

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const EDITS = 500
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

function time<T>(fn: () => T): [number, T] {
  gc()
  const t0 = performance.now()
  const out = fn()
  return [performance.now() - t0, out]
}

const name = `orders-${ROWS}.xlsx`
const bytes = makeOrdersWorkbook(ROWS)
const reads: number[] = []
let table = null as ReturnType<typeof readWorkbookBytes> | null
for (let i = 0; i < RUNS; i++) {
  const [ms, r] = time(() => readWorkbookBytes(name, bytes))
  reads.push(ms)
  table = r
}
if (!table || !table.ok || table.table.rows.length !== ROWS) throw new Error('bench file misread')
const sheet = table.table

function benchTarget(settings: Omit<PrepareSettings, 'mapping'>) {
  const preps: number[] = []
  let prep = null as ReturnType<typeof createPreparation> | null
  for (let i = 0; i < RUNS; i++) {
    const [ms, p] = time(() => {
      const { mapping } = autoMap(TARGETS[settings.target], sheet.headers)
      return createPreparation(sheet, { ...settings, mapping })
    })
    preps.push(ms)
    if (i === RUNS - 1) prep = p // keep only the last one, so no earlier run is alive during a measurement
  }
  const p = prep!
  const s = p.summary()
  // Single-cell edits: change the amount of a random row, and every 5th edit its order number (touches the duplicate index).
  let seed = 7
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296)
  const edits: number[] = []
  for (let i = 0; i < EDITS; i++) {
    const row = sheet.rows[Math.floor(rand() * sheet.rows.length)]
    const cells: Cell[] = row.cells.slice()
    cells[3] = { t: 's', v: `NT$${100 + i}`, w: `NT$${100 + i}` }
    if (i % 5 === 0) cells[0] = { t: 's', v: `ODK-${String(1 + Math.floor(rand() * ROWS)).padStart(7, '0')}`, w: '' }
    if (i % 5 === 0) cells[0].w = String(cells[0].v)
    const t0 = performance.now()
    p.updateRow(row.rowNumber, cells)
    p.summary()
    p.issuesForRow(row.rowNumber)
    edits.push(performance.now() - t0)
  }
  const ratio = median(preps) / median(reads)
  console.log(`${settings.target}: ${s.rows} rows → ${s.valid + s.invalid} records (${s.valid} valid, ${s.invalid} invalid, ${s.warnings} warnings)`)
  console.log(`  map + normalize + validate:  ${median(preps).toFixed(0)} ms (median of ${RUNS})`)
  console.log(`  ratio to the file's read:    ${ratio.toFixed(2)}   goal ≤ 0.30 ${ratio <= 0.3 ? 'OK' : 'MISSED'}`)
  console.log(`  re-validate after one edit:  median ${median(edits).toFixed(3)} ms, max ${Math.max(...edits).toFixed(1)} ms over ${EDITS} edits   goal ≤ 5 ms ${median(edits) <= 5 ? 'OK' : 'MISSED'}`)
}

console.log(`${ROWS.toLocaleString('en')} rows × ${sheet.headers.length} columns: read ${median(reads).toFixed(0)} ms (median of ${RUNS})`)
benchTarget({ target: 'zangsho.orders', timezone: 'Asia/Taipei' })
benchTarget({ target: 'shopline.orders', timezone: 'Asia/Taipei', shopline: { deliveryOptionId: 'd', paymentMethodId: 'p' } })
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
