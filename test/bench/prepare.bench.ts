// Prepare benchmark on the 100k-row order workbook: map + normalize + validate as a ratio to reading the same file,
// and the time to re-validate after a single cell edit. Each run reads the file and then prepares it, so both halves
// of a ratio see the same machine load; the figure is the median of the per-run ratios.
import { readWorkbookBytes } from '../../src-main/core/workbook'
import { autoMap } from '../../src-main/core/mapping/automap'
import { TARGETS } from '../../src-main/core/targets/index'
import { createPreparation } from '../../src-main/core/validation/prepare'
import type { Preparation, PrepareSettings } from '../../src-main/core/validation/types'
import type { Cell, SheetTable } from '../../src-main/core/workbook/types'
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

type Case = { settings: Omit<PrepareSettings, 'mapping'>; adjust?: (m: PrepareSettings['mapping']) => void }
const CASES: Case[] = [
  { settings: { target: 'zangsho.orders', timezone: 'Asia/Taipei' } },
  // One line per order here: the file's 金額 column is the line price (auto-mapping reads it as the order total).
  {
    settings: {
      target: 'shopline.orders',
      timezone: 'Asia/Taipei',
      shopline: { deliveryOptionId: 'd', paymentMethodId: 'p' }
    },
    adjust: (m) => {
      m['items.item_price'] = { column: '金額' }
      delete m.order_total
    }
  }
]

function prepare(sheet: SheetTable, c: Case): Preparation {
  const { mapping } = autoMap(TARGETS[c.settings.target], sheet.headers)
  c.adjust?.(mapping)
  return createPreparation(sheet, { ...c.settings, mapping })
}

function editTimes(p: Preparation, sheet: SheetTable): number[] {
  // Change the amount of a random row; every 5th edit also its order number (touches the duplicate index / groups).
  let seed = 7
  const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296
  const out: number[] = []
  for (let i = 0; i < EDITS; i++) {
    const row = sheet.rows[Math.floor(rand() * sheet.rows.length)]
    const cells: Cell[] = row.cells.slice()
    const amount = `NT$${100 + i}`
    cells[3] = { t: 's', v: amount, w: amount }
    if (i % 5 === 0) {
      const no = `ODK-${String(1 + Math.floor(rand() * ROWS)).padStart(7, '0')}`
      cells[0] = { t: 's', v: no, w: no }
    }
    const t0 = performance.now()
    p.updateRow(row.rowNumber, cells)
    p.summary()
    p.issuesForRow(row.rowNumber)
    out.push(performance.now() - t0)
  }
  return out
}

const name = `orders-${ROWS}.xlsx`
const bytes = makeOrdersWorkbook(ROWS)

// Warm both halves up on a small file first, so neither side of the ratio pays the JIT's start-up alone.
{
  const small = readWorkbookBytes('warm-up.xlsx', makeOrdersWorkbook(2_000))
  if (!small.ok) throw new Error('warm-up file misread')
  for (const c of CASES) prepare(small.table, c)
}
const reads: number[] = []
const preps: number[][] = CASES.map(() => [])
const ratios: number[][] = CASES.map(() => [])
let last: { sheet: SheetTable; preps: Preparation[] } | null = null
for (let run = 0; run < RUNS; run++) {
  last = null // nothing from an earlier run stays alive during a measurement
  const [readMs, read] = time(() => readWorkbookBytes(name, bytes))
  if (!read.ok || read.table.rows.length !== ROWS) throw new Error('bench file misread')
  reads.push(readMs)
  const kept: Preparation[] = []
  CASES.forEach((c, i) => {
    const [ms, p] = time(() => prepare(read.table, c))
    preps[i].push(ms)
    ratios[i].push(ms / readMs)
    if (run === RUNS - 1) kept.push(p)
  })
  if (run === RUNS - 1) last = { sheet: read.table, preps: kept }
}

console.log(
  `${ROWS.toLocaleString('en')} rows × 12 columns: read ${median(reads).toFixed(0)} ms (median of ${RUNS}; each run: read, then prepare)`
)
CASES.forEach((c, i) => {
  const p = last!.preps[i]
  const s = p.summary()
  const edits = editTimes(p, last!.sheet)
  const ratio = median(ratios[i])
  console.log(
    `${c.settings.target}: ${s.rows} rows → ${s.valid + s.invalid} records (${s.valid} valid, ${s.invalid} invalid, ${s.warnings} warnings)`
  )
  console.log(`  map + normalize + validate:  ${median(preps[i]).toFixed(0)} ms`)
  console.log(
    `  ratio to the file's read:    ${ratio.toFixed(2)} (runs: ${ratios[i].map((r) => r.toFixed(2)).join(', ')})   goal ≤ 0.30 ${ratio <= 0.3 ? 'OK' : 'MISSED'}`
  )
  console.log(
    `  re-validate after one edit:  median ${median(edits).toFixed(3)} ms, max ${Math.max(...edits).toFixed(1)} ms over ${EDITS} edits   goal ≤ 5 ms ${median(edits) <= 5 ? 'OK' : 'MISSED'}`
  )
})
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
