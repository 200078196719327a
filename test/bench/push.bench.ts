// Push benchmark: 3,000 orders to the rehearsal server at 120 requests/min, clean and with 10% of requests faulted.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox } from '../../src-main/sandbox'
import { getTarget } from '../../src-main/core/targets'
import type { PreparedRecord } from '../../src-main/core/targets/types'
import { startJob } from '../../src-main/core/upload'

const ROWS = 3000
const RATE_PER_MINUTE = 120
const ALLOWED_PER_SECOND = RATE_PER_MINUTE / 60

function records(): PreparedRecord[] {
  return Array.from({ length: ROWS }, (_, i) => ({
    row: i + 2,
    rows: [i + 2],
    valid: true,
    payload: {
      order_no: `B-${String(i + 1).padStart(5, '0')}`,
      amount: `${(1000 + i).toFixed(0)}.00`,
      customer_email: `b${i % 400}@example.com`,
      customer_name: `客戶 ${i % 400}`,
      status: 'paid',
      currency: 'TWD',
      paid_at: '2025-11-30T02:15:00Z'
    }
  }))
}

async function run(label: string, faults: string | undefined, seed = 42) {
  const sb = await startSandbox({ port: 0, zangshoRatePerMinute: RATE_PER_MINUTE, faults, seed })
  const dir = mkdtempSync(join(tmpdir(), 'orderdock-bench-'))
  const target = getTarget('zangsho.orders')!
  const started = Date.now()
  const res = await startJob({
    records: records(),
    // Pacing comes from the server's X-RateLimit-* headers alone (no fixed gap), which is what this measures.
    options: { target: 'zangsho.orders', transport: target.transport, baseUrl: sb.zangshoBaseUrl, minIntervalMs: 0 },
    env: { fetch: globalThis.fetch, token: 'rehearsal', journalDir: dir }
  }).done
  const elapsedS = (Date.now() - started) / 1000
  const log = sb.state.requestLog.filter((r) => r.method === 'POST')
  const orders = sb.state.orders
  await sb.close()
  rmSync(dir, { recursive: true, force: true })

  const batches = Math.ceil(ROWS / 100)
  const first = log[0].time
  const last = log[log.length - 1].time
  const achieved = (log.length - 1) / ((last - first) / 1000)
  const byNo = new Map(orders.map((o) => [o.order_no, o]))
  const lost = records().filter((r) => byNo.get(String(r.payload.order_no))?.amount !== r.payload.amount).length
  const duplicated = orders.length - byNo.size
  // Ideal: the batches sent back to back at exactly the allowed rate. Efficiency = ideal time ÷ actual time.
  const idealS = (batches - 1) / ALLOWED_PER_SECOND
  const actualS = (last - first) / 1000
  const faulted = log.filter((r) => r.fault && r.fault !== 'slow').length
  const http429 = log.filter((r) => r.status === 429 && r.fault !== 'storm').length
  console.log(
    `\n[${label}] ${ROWS} rows, ${batches} batches, limit ${RATE_PER_MINUTE}/min, faults: ${faults ?? 'none'} (seed ${seed})`
  )
  console.log(
    `  requests sent ${res.requests.sent}, retried ${res.requests.retried}, faulted ${faulted} (${((100 * faulted) / log.length).toFixed(1)}%), 429 from the limiter ${http429}`
  )
  console.log(
    `  achieved request rate ${achieved.toFixed(3)}/s ÷ allowed ${ALLOWED_PER_SECOND}/s = ${(achieved / ALLOWED_PER_SECOND).toFixed(3)}`
  )
  console.log(
    `  efficiency (ideal ${idealS.toFixed(1)} s ÷ actual ${actualS.toFixed(1)} s) = ${(idealS / actualS).toFixed(3)}; job wall time ${elapsedS.toFixed(1)} s`
  )
  console.log(
    `  server state: ${orders.length} orders; lost ${lost}, duplicated ${duplicated}; results created ${res.summary.created}, failed ${res.summary.failed}`
  )
  return {
    faulted,
    requests: log.length,
    ratio: achieved / ALLOWED_PER_SECOND,
    efficiency: idealS / actualS,
    http429,
    lost,
    duplicated,
    created: res.summary.created
  }
}

const clean = await run('clean', undefined)
// Several seeds, so the figure is not one lucky (or unlucky) draw of which requests fail (10% nominal: 5% 5xx + 5% drop).
const runs = []
for (const seed of [1, 2, 3, 7, 42]) runs.push(await run('10% faulted', '5xx=0.05,drop=0.05', seed))
const faulty = {
  lost: runs.reduce((n, r) => n + r.lost, 0),
  duplicated: runs.reduce((n, r) => n + r.duplicated, 0),
  efficiency: runs.reduce((n, r) => n + r.efficiency, 0) / runs.length,
  created: Math.min(...runs.map((r) => r.created))
}
const faultShare = runs.reduce((n, r) => n + r.faulted, 0) / runs.reduce((n, r) => n + r.requests, 0)
console.log(
  `\nfaulted runs: ${(100 * faultShare).toFixed(1)}% of all requests faulted; efficiency mean ${faulty.efficiency.toFixed(3)}, worst ${Math.min(...runs.map((r) => r.efficiency)).toFixed(3)} (${runs.map((r) => r.efficiency.toFixed(3)).join(', ')})`
)
const checks = [
  [`clean: rate ratio ${clean.ratio.toFixed(3)} ≥ 0.95`, clean.ratio >= 0.95],
  [`clean: zero 429s (${clean.http429})`, clean.http429 === 0],
  [
    `faulted: zero lost (${faulty.lost}) and zero duplicated (${faulty.duplicated})`,
    faulty.lost === 0 && faulty.duplicated === 0
  ],
  [`faulted: mean efficiency ${faulty.efficiency.toFixed(3)} ≥ 0.8`, faulty.efficiency >= 0.8],
  [
    `every row reported created (${clean.created}, ${faulty.created})`,
    clean.created === ROWS && faulty.created === ROWS
  ]
] as const
console.log('')
for (const [text, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'} ${text}`)
process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1
