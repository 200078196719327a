// Pacing benchmark (issue 14.4): 10 batches against a rehearsal server allowing 5 requests per 4 s with no X-RateLimit-Reset.
// Floor = the time the limit itself forces: 10 batches ÷ 5 per window × 4 s = 8 s. Goal: job time ≤ 2 × floor, ≤ 1 429 per window.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox } from '../../src-main/sandbox'
import { getTarget } from '../../src-main/core/targets'
import type { PreparedRecord } from '../../src-main/core/targets/types'
import { startJob } from '../../src-main/core/upload'

const BATCHES = 10
const BATCH_SIZE = 10
const LIMIT = 5
const WINDOW_MS = 4000
const FLOOR_S = (BATCHES / LIMIT) * (WINDOW_MS / 1000)

function records(): PreparedRecord[] {
  return Array.from({ length: BATCHES * BATCH_SIZE }, (_, i) => ({
    row: i + 2,
    rows: [i + 2],
    valid: true,
    payload: {
      order_no: `P-${String(i + 1).padStart(4, '0')}`,
      amount: '990.00',
      customer_email: `p${i}@example.com`,
      status: 'paid',
      paid_at: '2025-11-30T02:15:00Z'
    }
  }))
}

async function run(label: string, minIntervalMs: number | undefined): Promise<boolean> {
  const sb = await startSandbox({
    port: 0,
    zangshoRatePerMinute: LIMIT,
    zangshoWindowMs: WINDOW_MS,
    zangshoResetHeader: false
  })
  const dir = mkdtempSync(join(tmpdir(), 'orderdock-pacing-'))
  const target = getTarget('zangsho.orders')!
  const started = Date.now()
  try {
    const res = await startJob({
      records: records(),
      options: {
        target: 'zangsho.orders',
        transport: target.transport,
        baseUrl: sb.zangshoBaseUrl,
        batchSize: BATCH_SIZE,
        ...(minIntervalMs === undefined ? {} : { minIntervalMs })
      },
      env: { fetch: globalThis.fetch, token: 'rehearsal', journalDir: dir }
    }).done
    const elapsedS = (Date.now() - started) / 1000
    const log = sb.state.requestLog.filter((r) => r.method === 'POST')
    const limited = log.filter((r) => r.status === 429)
    const windows = Math.ceil(elapsedS / (WINDOW_MS / 1000))
    const ratio = elapsedS / FLOOR_S
    const ok = res.summary.created === BATCHES * BATCH_SIZE && ratio <= 2 && limited.length <= windows
    console.log(
      `${label}: ${BATCHES} batches in ${elapsedS.toFixed(2)} s · floor ${FLOOR_S} s · ratio ${ratio.toFixed(2)} (goal ≤ 2.00) · 429s ${limited.length} over ${windows} windows · ${ok ? 'OK' : 'FAIL'}`
    )
    return ok
  } finally {
    await sb.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

const results = [await run('帳獸 default gap (1000 ms)', undefined), await run('no gap (minIntervalMs 0)', 0)]
process.exitCode = results.every(Boolean) ? 0 : 1
