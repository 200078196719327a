// End-to-end validate benchmark (issue 14), side by side in one run, each in a fresh process and interleaved:
// `node out/cli/cli.js validate --json` on the 100k-row × 12-column xlsx INCLUDING process start, against a bare
// SheetJS read (XLSX.read dense + sheet_to_json) in a fresh `node`; the time to the first 100 validated rows (the
// validate process reports it with ORDERDOCK_TIMINGS=1); and the validate process's peak RSS (/usr/bin/time -v).
// Needs `npm run build` first (it runs the compiled CLI).
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { spawnSync } from 'node:child_process'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cachedOrders100k } from './orders-100k'
import { bigCsv, bigXlsx } from './make-big-files'

const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const self = fileURLToPath(import.meta.url)
const ROOT = join(dirname(self), '..', '..')
const CLI = join(ROOT, 'out', 'cli', 'cli.js')
const TIME = '/usr/bin/time'

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`

const BARE = `import * as XLSX from 'xlsx'; import { readFileSync } from 'node:fs';
const t0 = performance.now(); const wb = XLSX.read(readFileSync(process.argv[1]), { dense: true });
const rows = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1 });
process.stdout.write('rows=' + (rows.length - 1) + ' read=' + Math.round(performance.now() - t0) + '\\n')`

interface Measured {
  wall: number
  cpu: number
  rssKb: number
  stdout: string
  stderr: string
}

/**
 * Runs a command under /usr/bin/time -v: wall clock including process start, CPU (user + sys) and peak RSS. Its stdout
 * goes to a file, as `validate --json > report.json` would (a pipe read slowly would hold the report in the child).
 */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Measured {
  const outPath = join(tmpdir(), `orderdock-bench-${process.pid}.out`)
  const fd = openSync(outPath, 'w')
  const t0 = performance.now()
  const res = spawnSync(TIME, ['-v', cmd, ...args], { cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', fd, 'pipe'] })
  const wall = performance.now() - t0
  closeSync(fd)
  const stdout = readFileSync(outPath, 'utf8')
  rmSync(outPath)
  const num = (re: RegExp) => Number(re.exec(res.stderr)?.[1] ?? NaN)
  const rssKb = num(/Maximum resident set size \(kbytes\): (\d+)/)
  const cpu = (num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/)) * 1000
  if (res.status !== 0 && res.status !== 1)
    throw new Error(`${cmd} ${args.join(' ')} failed (${res.status}): ${res.stderr.slice(-400)}`)
  return { wall, cpu, rssKb, stdout, stderr: res.stderr }
}

/** BENCH_VALIDATE_1M=1: 1,000,000 rows × 12 columns, xlsx and CSV, through the compiled CLI (cached under .bench/). */
async function bigValidate(): Promise<void> {
  const rows = Number(process.env.BENCH_BIG_ROWS ?? 1_000_000)
  const dir = join(ROOT, '.bench')
  for (const path of [await bigXlsx(dir, rows), await bigCsv(dir, rows)]) {
    // measured for memory and time, not stopped at the app's 120 s read timeout (a busy machine is slow)
    const m = timed(process.execPath, [CLI, 'validate', path, '--target', 'zangsho.orders', '--json'], {
      ...process.env,
      ORDERDOCK_READ_TIMEOUT_S: '1800'
    })
    const seen = /"summary":\{"rows":(\d+),"valid":(\d+),"invalid":(\d+)/.exec(m.stdout.slice(0, 4000))
    const error = /"error":\{"code":"(\w+)"/.exec(m.stdout.slice(0, 4000))
    console.log(
      `  ${rows.toLocaleString('en-US')} rows × 12 columns ${path.endsWith('.csv') ? 'CSV ' : 'xlsx'}: ${s(m.wall)} wall, ${s(m.cpu)} CPU, peak RSS ${(m.rssKb / 1024).toFixed(0)} MB, ` +
        (seen
          ? `${seen[1]} rows validated (${seen[2]} valid, ${seen[3]} invalid)`
          : `FAILED: ${error?.[1] ?? m.stdout.slice(0, 200)}`)
    )
  }
}

function main() {
  if (!existsSync(CLI)) throw new Error('out/cli/cli.js is missing: run `npm run build` first')
  const path = cachedOrders100k()
  const bare: Measured[] = []
  const validate: Measured[] = []
  const first: { first: number; bareRead: number }[] = []
  for (let i = 0; i < RUNS; i++) {
    // alternate the order so neither side always runs first on a busy machine
    const runBare = () => bare.push(timed(process.execPath, ['--input-type=module', '-e', BARE, path]))
    const runValidate = () =>
      validate.push(
        timed(process.execPath, [CLI, 'validate', path, '--target', 'zangsho.orders', '--json'], {
          ...process.env,
          ORDERDOCK_TIMINGS: '1'
        })
      )
    for (const run of i % 2 ? [runValidate, runBare] : [runBare, runValidate]) run()
    const v = validate[validate.length - 1]
    const m = /first-validated-rows=(\d+) ms=(\d+)/.exec(v.stderr)
    if (!m || Number(m[1]) !== 100) throw new Error(`no first-rows timing from the CLI: ${v.stderr.slice(0, 300)}`)
    first.push({ first: Number(m[2]), bareRead: Number(/read=(\d+)/.exec(bare[bare.length - 1].stdout)![1]) })
  }
  const summary = JSON.parse(validate[0].stdout.slice(0, 2000).replace(/,"issues".*$/s, '}')) as {
    summary: { rows: number }
  }
  if (summary.summary.rows !== 100_000) throw new Error(`validate saw ${summary.summary.rows} rows`)
  const ratios = bare.map((b, i) => validate[i].wall / b.wall)
  const cpuRatios = bare.map((b, i) => validate[i].cpu / b.cpu)
  const firstRatios = first.map((f) => f.first / f.bareRead)
  const rss = Math.max(...validate.map((v) => v.rssKb)) / 1024
  const ok = (good: boolean) => (good ? 'OK' : 'MISSED')
  console.log(
    `100,000 rows × 12 columns xlsx, ${RUNS} interleaved runs, each in a fresh process (median of per-run ratios):`
  )
  console.log(
    `  bare SheetJS (node, XLSX.read dense + sheet_to_json), with process start: ${s(median(bare.map((b) => b.wall)))} wall, ${s(median(bare.map((b) => b.cpu)))} CPU, ${(median(bare.map((b) => b.rssKb)) / 1024).toFixed(0)} MB peak RSS`
  )
  console.log(
    `  node out/cli/cli.js validate --json, with process start:           ${s(median(validate.map((v) => v.wall)))} wall, ${s(median(validate.map((v) => v.cpu)))} CPU`
  )
  console.log(
    `  validate ÷ bare read (wall): ${median(ratios).toFixed(2)}   goal ≤ 1.00 ${ok(median(ratios) <= 1)}   (CPU ratio ${median(cpuRatios).toFixed(2)})`
  )
  console.log(
    `  first 100 validated rows (in the validate process, ORDERDOCK_TIMINGS; from the start of the read): ${median(first.map((f) => f.first))} ms ÷ bare read ${median(first.map((f) => f.bareRead))} ms = ${median(firstRatios).toFixed(3)}   goal ≤ 0.10 ${ok(median(firstRatios) <= 0.1)}`
  )
  console.log(
    `  peak RSS of the validate process (max of runs): ${rss.toFixed(0)} MB   goal ≤ 300 MB ${ok(rss <= 300)}`
  )
}

{
  try {
    if (process.env.BENCH_PART !== 'big') main()
    if (process.env.BENCH_VALIDATE_1M === '1' || process.env.BENCH_PART === 'big') {
      console.log('validate --json through the compiled CLI (worker under its default memory cap):')
      await bigValidate()
    } else console.log('  (1,000,000-row xlsx and CSV: BENCH_VALIDATE_1M=1 npm run bench validate; takes minutes)')
  } catch (err) {
    console.error(err)
    process.exitCode = 1
  }
}
