// Workbook reading benchmark: preview, full read, ratio to bare SheetJS (dense read + sheet_to_json), peak RSS.
import * as XLSX from 'xlsx'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { readWorkbookBytes, openWorkbook } from '../../src-main/core/workbook'
import { makeOrdersWorkbook } from './make-orders-xlsx'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

/** Wall-clock and CPU time (user + system, all threads) of one call; CPU time is steadier on a busy machine. */
function time(fn: () => unknown): { wall: number; cpu: number } {
  gc()
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  fn()
  const c = process.cpuUsage(c0)
  return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 }
}

const wall = (xs: { wall: number }[]) => median(xs.map((x) => x.wall))
const cpu = (xs: { cpu: number }[]) => median(xs.map((x) => x.cpu))

const ms = (n: number) => `${n.toFixed(0)} ms`
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`

async function benchFile(rows: number, dir: string) {
  const path = join(dir, `orders-${rows}.xlsx`)
  writeFileSync(path, makeOrdersWorkbook(rows))
  const bytes = readFileSync(path)
  const name = `orders-${rows}.xlsx`
  const check = readWorkbookBytes(name, bytes)
  if (!check.ok || check.table.rows.length !== rows) throw new Error(`bench file misread: ${JSON.stringify(check.ok ? check.table.rows.length : check.error)}`)

  const preview: { wall: number; cpu: number }[] = []
  const ours: { wall: number; cpu: number }[] = []
  const bare: { wall: number; cpu: number }[] = []
  for (let i = 0; i < RUNS; i++) {
    preview.push(time(() => readWorkbookBytes(name, bytes, { maxRows: 100 })))
    // alternate the order so neither side always runs warm
    const pair = [
      () => ours.push(time(() => readWorkbookBytes(name, bytes))),
      () =>
        bare.push(
          time(() => {
            const wb = XLSX.read(bytes, { dense: true })
            XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1 })
          })
        )
    ]
    if (i % 2) pair.reverse()
    pair.forEach((run) => run())
  }
  const t0 = performance.now()
  const viaWorker = await openWorkbook({ path }, { maxRows: 100 })
  const workerPreview = performance.now() - t0
  if (!viaWorker.ok) throw new Error(viaWorker.error.message)
  const rss = peakRssOfFullRead(path)
  const size = (bytes.length / 1024 / 1024).toFixed(1)
  const ratio = wall(ours) / wall(bare)
  const cpuRatio = cpu(ours) / cpu(bare)
  console.log(`${rows.toLocaleString('en')} rows × 12 columns (${size} MB xlsx), median of ${RUNS} (wall clock; CPU time in brackets):`)
  console.log(`  preview (first 100 rows):       ${ms(wall(preview))} [${ms(cpu(preview))}]   goal ≤ 1000 ms ${wall(preview) <= 1000 ? 'OK' : 'MISSED'}`)
  console.log(`  preview through the worker:     ${ms(workerPreview)} (one run, includes worker start-up)`)
  console.log(`  full read (ours):               ${ms(wall(ours))} [${ms(cpu(ours))}]`)
  console.log(`  bare XLSX.read + sheet_to_json: ${ms(wall(bare))} [${ms(cpu(bare))}]`)
  console.log(`  full-read ratio:                ${ratio.toFixed(2)} [CPU ${cpuRatio.toFixed(2)}]   goal ≤ 1.20 ${ratio <= 1.2 ? 'OK' : 'MISSED'}`)
  console.log(`  peak RSS, one full read in a fresh process: ${mb(rss)}   goal ≤ 600 MB ${rss / 1024 <= 600 ? 'OK' : 'MISSED'}`)
}

/** Peak RSS (KB) of a child process that only reads the file once, as the app's worker would. */
function peakRssOfFullRead(path: string): number {
  const self = fileURLToPath(import.meta.url)
  const res = spawnSync(process.execPath, ['--import', 'tsx', self, '--rss-child', path], { encoding: 'utf8' })
  const m = /maxRSS=(\d+)/.exec(res.stdout)
  if (!m) throw new Error(`rss child failed: ${res.stderr}`)
  return Number(m[1])
}

function rssChild(path: string) {
  const r = readWorkbookBytes(path, readFileSync(path))
  if (!r.ok) throw new Error(r.error.message)
  process.stdout.write(`rows=${r.table.rows.length} maxRSS=${process.resourceUsage().maxRSS}\n`)
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'orderdock-bench-'))
  try {
    for (const rows of [10_000, 100_000]) await benchFile(rows, dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  console.log(`peak RSS of the whole benchmark process (both readers, all runs): ${mb(process.resourceUsage().maxRSS)}`)
}

if (process.argv[2] === '--rss-child') rssChild(process.argv[3])
else main().catch((err) => {
  console.error(err)
  process.exitCode = 1
})
