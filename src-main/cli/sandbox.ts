// `orderdock sandbox`: start the rehearsal server, print where it is, run until Ctrl+C / SIGTERM.
import { parseArgs } from 'node:util'
import { REHEARSAL_TOKEN, type Sandbox, parseFaultSpec, startSandbox } from '../sandbox/index'

const USAGE = `usage: orderdock sandbox [--port N] [--rate-limit N/min] [--rate-window-ms N] [--no-reset-header] [--shopline-rate N/s] [--faults SPEC] [--seed N] [--quiet]

  --port N             port on 127.0.0.1 (default 4010; 0 = any free port)
  --rate-limit N/min   帳獸 requests per minute per token (default 60/min); per --rate-window-ms when given
  --rate-window-ms N   帳獸 rate-limit window in ms (default 60000), e.g. --rate-limit 5 --rate-window-ms 4000
  --no-reset-header    帳獸 answers without X-RateLimit-Reset (only Limit/Remaining; Retry-After on a 429)
  --shopline-rate N/s  SHOPLINE requests per second per token (default 20/s)
  --faults SPEC        e.g. "5xx=0.1,drop=0.05,slow=0.1:1500,storm=0.02:5" (see README)
  --seed N             makes the faults repeatable (default 1)
  --quiet              do not print one line per request
`

function usage(message: string): number {
  process.stderr.write(`orderdock sandbox: ${message}\n\n${USAGE}`)
  return 2
}

function wholeNumber(text: string | undefined, unit: RegExp): number | null {
  if (text === undefined) return null
  const m = new RegExp(`^(\\d+)(?:${unit.source})?$`).exec(text.trim())
  return m ? Number(m[1]) : NaN
}

export async function run(argv: string[]): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        'rate-limit': { type: 'string' },
        'shopline-rate': { type: 'string' },
        'rate-window-ms': { type: 'string' },
        'no-reset-header': { type: 'boolean' },
        faults: { type: 'string' },
        seed: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      },
      allowPositionals: false
    }))
  } catch (err) {
    return usage(err instanceof Error ? err.message : String(err))
  }
  if (values.help) {
    process.stdout.write(USAGE)
    return 0
  }
  const port = wholeNumber(values.port, /(?!)/) ?? 4010
  if (Number.isNaN(port) || port > 65535) return usage(`--port must be 0–65535 (got "${values.port}")`)
  const perMinute = wholeNumber(values['rate-limit'], /\/min/)
  if (perMinute !== null && !(perMinute >= 1))
    return usage(`--rate-limit must look like 60/min (got "${values['rate-limit']}")`)
  const perSecond = wholeNumber(values['shopline-rate'], /\/s/)
  if (perSecond !== null && !(perSecond >= 1))
    return usage(`--shopline-rate must look like 20/s (got "${values['shopline-rate']}")`)
  const windowMs = wholeNumber(values['rate-window-ms'], /(?!)/)
  if (windowMs !== null && !(windowMs >= 1))
    return usage(`--rate-window-ms must be a whole number ≥ 1 (got "${values['rate-window-ms']}")`)
  const seed = wholeNumber(values.seed, /(?!)/)
  if (seed !== null && Number.isNaN(seed)) return usage(`--seed must be a whole number (got "${values.seed}")`)
  let faults
  try {
    faults = values.faults === undefined ? undefined : parseFaultSpec(values.faults)
  } catch (err) {
    return usage(err instanceof Error ? err.message : String(err))
  }

  let sandbox: Sandbox
  try {
    sandbox = await startSandbox({
      port,
      zangshoRatePerMinute: perMinute ?? undefined,
      zangshoWindowMs: windowMs ?? undefined,
      zangshoResetHeader: !values['no-reset-header'],
      shoplineRatePerSecond: perSecond ?? undefined,
      faults,
      seed: seed ?? undefined,
      onRequest: values.quiet
        ? undefined
        : (e) =>
            process.stdout.write(
              `${new Date(e.time).toISOString().slice(11, 19)} ${e.method} ${e.path} → ${e.status}${e.fault ? ` [fault: ${e.fault}]` : ''}\n`
            )
    })
  } catch (err) {
    process.stderr.write(`orderdock sandbox: cannot start: ${err instanceof Error ? err.message : String(err)}\n`)
    return 1
  }
  process.stdout.write(
    [
      'OrderDock rehearsal server (排練伺服器) is running',
      `  帳獸 (Zangsho) base URL: ${sandbox.zangshoBaseUrl}`,
      `  SHOPLINE base URL:      ${sandbox.shoplineBaseUrl}`,
      `  token:                  ${REHEARSAL_TOKEN}`,
      `  limits:                 帳獸 ${perMinute ?? 60} per ${(windowMs ?? 60_000) / 1000} s${values['no-reset-header'] ? ' (no reset header)' : ''}, SHOPLINE ${perSecond ?? 20}/s${values.faults ? `; faults: ${values.faults}` : ''}`,
      'Press Ctrl+C to stop. 按 Ctrl+C 停止。',
      ''
    ].join('\n')
  )
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  await sandbox.close()
  process.stdout.write('rehearsal server stopped\n')
  return 0
}
