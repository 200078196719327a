// Workbook reading benchmark, all figures side by side in one run: the streaming reader (both XML parser candidates)
// against a bare SheetJS read (dense read + sheet_to_json) at 100k rows, first rows, peak RSS in fresh processes,
// and 1,000,000-row xlsx and CSV through the worker under its memory cap. Big files are cached under .bench/.
import * as XLSX from 'xlsx'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { readWorkbookBytes, readWorkbook, openWorkbookCompact, DEFAULT_LIMITS } from '../../src-main/core/workbook'
import { makeOrdersWorkbook } from './make-orders-xlsx'
import { DEFAULT_XML_PARSER } from '../../src-main/core/workbook/xml-events'
import { bigCsv, bigXlsx } from './make-big-files'

const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const BIG_ROWS = Number(process.env.BENCH_BIG_ROWS ?? 1_000_000)
const self = fileURLToPath(import.meta.url)
const CACHE = join(dirname(self), '..', '..', '.bench')
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ms = (n: number) => `${n.toFixed(0)} ms`
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`

/** CPU time (user + system, all threads) of one call: on a shared, busy machine it is far steadier than wall clock. */
async function time(fn: () => unknown): Promise<number> {
  gc()
  const c0 = process.cpuUsage()
  await fn()
  const c = process.cpuUsage(c0)
  return (c.user + c.system) / 1000
}

function bareRead(bytes: Uint8Array) {
  const wb = XLSX.read(bytes, { dense: true })
  return XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1 })
}

function file100k(): string {
  const path = join(CACHE, 'orders-100000-sheetjs.xlsx')
  if (!existsSync(path)) {
    mkdirSync(CACHE, { recursive: true })
    writeFileSync(path, makeOrdersWorkbook(100_000))
  }
  return path
}

/** A fresh process that reads once and prints its peak RSS (and time): the figure a validate process would see. */
function child(mode: string, path: string): { rss: number; ms: number; rows: number } {
  const res = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', mode, path], {
    encoding: 'utf8',
    maxBuffer: 1 << 20
  })
  const m = /rows=(\d+) ms=(\d+) cpu=\d+ maxRSS=(\d+)/.exec(res.stdout)
  if (!m) throw new Error(`child ${mode} failed: ${res.stdout} ${res.stderr}`)
  return { rows: Number(m[1]), ms: Number(m[2]), rss: Number(m[3]) }
}

async function runChild(mode: string, path: string) {
  const bytes = mode === 'worker' ? null : readFileSync(path)
  const t0 = performance.now()
  const c0 = process.cpuUsage()
  let rows: number
  if (mode === 'bare') rows = bareRead(bytes!).length - 1
  else if (mode === 'sheetjs') {
    const r = readWorkbookBytes(path, bytes!)
    if (!r.ok) throw new Error(r.error.message)
    rows = r.table.rows.length
  } else if (mode === 'saxes' || mode === 'htmlparser2') {
    const r = await readWorkbook(path, bytes!, {}, {}, { engine: mode })
    if (!r.ok) throw new Error(r.error.message)
    rows = r.table.rows.length
  } else {
    // the 1M-row reads get a longer timeout: they are measured for memory and time, not stopped at the app's 120 s
    const r = await openWorkbookCompact({ path }, {}, mode === 'worker-big' ? { timeoutMs: 900_000 } : {})
    if (!r.ok) throw new Error(r.error.message)
    rows = r.table.rows.length
  }
  const c = process.cpuUsage(c0)
  process.stdout.write(
    `rows=${rows} ms=${Math.round(performance.now() - t0)} cpu=${Math.round((c.user + c.system) / 1000)} maxRSS=${process.resourceUsage().maxRSS}\n`
  )
}

async function main() {
  if (process.env.BENCH_PART !== 'big') await bench100k()
  if (process.env.BENCH_PART !== '100k') await benchBig()
}

async function bench100k() {
  const path = file100k()
  const bytes = readFileSync(path)
  const name = 'orders-100000.xlsx'
  const check = await readWorkbook(name, bytes)
  const reference = readWorkbookBytes(name, bytes)
  if (!check.ok || !reference.ok || check.table.rows.length !== 100_000) throw new Error('bench file misread')
  if (JSON.stringify(check.table) !== JSON.stringify(reference.table))
    throw new Error('streaming and SheetJS tables differ on the bench file')

  const t: Record<string, number[]> = { bare: [], saxes: [], htmlparser2: [], sheetjs: [], preview: [] }
  const runs: [string, () => unknown][] = [
    ['bare', () => bareRead(bytes)],
    ['saxes', () => readWorkbook(name, bytes, {}, {}, { engine: 'saxes' })],
    ['htmlparser2', () => readWorkbook(name, bytes, {}, {}, { engine: 'htmlparser2' })],
    ['sheetjs', () => readWorkbookBytes(name, bytes)]
  ]
  for (let i = 0; i < RUNS; i++) {
    // rotate the order so no reader always runs warm or last
    for (let k = 0; k < runs.length; k++) {
      const [key, fn] = runs[(k + i) % runs.length]
      t[key].push(await time(fn))
    }
    t.preview.push(await time(() => readWorkbook(name, bytes, { maxRows: 100 })))
  }
  const bare = median(t.bare)
  // through the worker, as the app reads: time to the first chunk of rows, and to the whole table
  const w0 = performance.now()
  let firstChunk = 0
  const viaWorker = await openWorkbookCompact(
    { path },
    {},
    {},
    { onChunk: () => (firstChunk ||= performance.now() - w0) }
  )
  const workerAll = performance.now() - w0
  const bareWall = await (async () => {
    const t0 = performance.now()
    bareRead(bytes)
    return performance.now() - t0
  })()
  if (!viaWorker.ok) throw new Error(viaWorker.error.message)

  console.log(
    `100,000 rows × 12 columns (${(bytes.length / 1048576).toFixed(1)} MB xlsx), median of ${RUNS}, CPU time (user + system), all in this one run:`
  )
  console.log(`  bare XLSX.read(dense) + sheet_to_json:  ${ms(bare)}`)
  console.log(`  XML parser candidates (streaming reader, full table):`)
  console.log(`    saxes 6.0.0:        ${ms(median(t.saxes))}   ratio to bare ${(median(t.saxes) / bare).toFixed(2)}`)
  console.log(
    `    htmlparser2 12.0.0: ${ms(median(t.htmlparser2))}   ratio to bare ${(median(t.htmlparser2) / bare).toFixed(2)}`
  )
  console.log(
    `  previous SheetJS-based reader:          ${ms(median(t.sheetjs))}   ratio to bare ${(median(t.sheetjs) / bare).toFixed(2)}`
  )
  const chosen = median(t[DEFAULT_XML_PARSER])
  console.log(
    `  streaming read (${DEFAULT_XML_PARSER}, the one in use) ÷ bare read: ${(chosen / bare).toFixed(2)}   goal ≤ 1.00 ${chosen <= bare ? 'OK' : 'MISSED'}`
  )
  console.log(
    `  first 100 rows (streaming preview) ÷ bare: ${(median(t.preview) / bare).toFixed(3)} (${ms(median(t.preview))})   goal ≤ 0.10 ${median(t.preview) <= bare * 0.1 ? 'OK' : 'MISSED'}`
  )
  console.log(
    `  through the worker (wall clock): first chunk of rows at ${ms(firstChunk)}, whole table at ${ms(workerAll)}; a bare read just after took ${ms(bareWall)} wall`
  )

  console.log(`  peak RSS of one read in a fresh process, and its wall time (goal for a validate process ≤ 300 MB):`)
  for (const mode of ['bare', 'sheetjs', 'saxes', 'htmlparser2', 'worker']) {
    const r = child(mode, path)
    const label = mode === 'worker' ? 'worker + compact rows (as the app/CLI)' : mode
    console.log(
      `    ${label.padEnd(40)} ${mb(r.rss).padStart(7)}  ${ms(r.ms).padStart(8)}${mode === 'worker' ? `   ${r.rss / 1024 <= 300 ? 'OK' : 'MISSED'}` : ''}`
    )
  }
}

async function benchBig() {
  console.log(
    `${BIG_ROWS.toLocaleString('en')} rows × 12 columns through the worker (heap cap ${DEFAULT_LIMITS.maxHeapMb} MB; timeout raised to 900 s), fresh process each, wall time:`
  )
  const tg = performance.now()
  const xlsxPath = await bigXlsx(CACHE, BIG_ROWS)
  const csvPath = await bigCsv(CACHE, BIG_ROWS)
  const made = performance.now() - tg
  if (made > 1000) console.log(`  (made the files in ${ms(made)}; cached in .bench/)`)
  for (const p of [xlsxPath, csvPath]) {
    const size = (readFileSync(p).length / 1048576).toFixed(0)
    try {
      const r = child('worker-big', p)
      console.log(
        `  ${p.endsWith('.csv') ? 'CSV ' : 'xlsx'} (${size} MB): ${r.rows.toLocaleString('en')} rows in ${ms(r.ms)}, peak RSS ${mb(r.rss)}`
      )
    } catch (err) {
      console.log(`  ${p} FAILED: ${(err as Error).message.slice(0, 300)}`)
    }
  }
}

if (process.argv[2] === '--child') await runChild(process.argv[3], process.argv[4])
else
  await main().catch((err) => {
    console.error(err)
    process.exitCode = 1
  })
