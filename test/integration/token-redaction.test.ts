// A server that echoes the request headers in its error bodies, and a token with CR/LF in a fetch error: the token never
// reaches journals, reports, stdout/stderr, progress events, results or the connection test (raw, Bearer or URL-encoded).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { runPush } from '../../src-main/cli/push'
import { startJob, type ProgressEvent } from '../../src-main/core/upload'
import { createApiClient } from '../../src-main/core/upload/http'
import { describeNetworkFailure } from '../../src-main/core/credentials/messages'
import { testConnection } from '../../src-main/core/credentials/connection'
import { createRedactor, REDACTED } from '../../src-main/core/credentials/redact'
import type { Profile } from '../../src-main/core/credentials/profile-schema'
import { jobOptions, orderRecords, tempDir, testEnv } from './push-fixtures'

const token = `zs_${randomBytes(20).toString('hex')}+/=`
const forms = [token, `Bearer ${token}`, encodeURIComponent(token), token.slice(0, 24)]
function expectClean(where: string, text: string): void {
  for (const f of forms) expect(text.includes(f), `${where} contains the token`).toBe(false)
}

let server: Server
let base = ''
beforeAll(async () => {
  // Every answer is an error that repeats what it received, like a careless proxy or debug mode.
  server = createServer((req, res) => {
    const auth = String(req.headers.authorization ?? '')
    const status = req.method === 'GET' ? 400 : 422
    res.writeHead(status, { 'Content-Type': 'application/json', 'X-Echo': encodeURIComponent(auth) })
    res.end(
      JSON.stringify({
        message: `Bad request. You sent ${auth} (url form ${encodeURIComponent(auth)})`,
        errors: { [auth]: [auth] },
        headers: req.headers
      })
    )
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const a = server.address()
  base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/v1`
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

describe('one redactor for the token', () => {
  it('removes the token, its Bearer and URL-encoded forms, and the pieces of a CR/LF token', () => {
    const r = createRedactor([token])
    expect(r.text(`a Bearer ${token} b ${encodeURIComponent(token)}`)).toBe(`a Bearer ${REDACTED} b ${REDACTED}`)
    const crlf = createRedactor(['first-half-secret\r\nsecond-half-secret'])
    expect(crlf.text('"Bearer first-half-secret\nsecond-half-secret" bad')).not.toMatch(/half-secret/)
    expect(crlf.value({ [`k first-half-secret`]: ['second-half-secret'] })).toEqual({ [`k ${REDACTED}`]: [REDACTED] })
  })

  it('an echoing server: journal, results, progress events, the CLI (stdout, stderr, report) and the connection test stay clean', async () => {
    const tmp = tempDir()
    try {
      const events: ProgressEvent[] = []
      const result = await startJob({
        records: orderRecords(4),
        options: jobOptions('zangsho.orders', base, { batchSize: 2 }),
        env: testEnv(tmp.dir, { token, onProgress: (e) => events.push(e), progressIntervalMs: 0 })
      }).done
      expect(result.summary.failed).toBe(4)
      // the server's words are still shown, only the token is gone
      expect(result.results[0].message).toContain(`Bearer ${REDACTED}`)
      expectClean('results + events', JSON.stringify([result, events]))

      const csv = join(tmp.dir, 'orders.csv')
      writeFileSync(
        csv,
        '訂單編號,金額,Email,姓名,狀態,付款時間\nK-1,"NT$100",a@example.com,客戶,已付款,2025/11/30 10:15\n'
      )
      for (const mode of [['--json'], []]) {
        let out = ''
        let err = ''
        const code = await runPush(
          [
            csv,
            '--target',
            'zangsho.orders',
            '--base-url',
            base,
            '--token-env',
            'TOK',
            '--journal-dir',
            tmp.dir,
            '--report',
            join(tmp.dir, `r${mode.length}.csv`),
            ...mode
          ],
          {
            env: { TOK: token },
            fetch: globalThis.fetch,
            stdout: { write: (s: string) => (out += s) },
            stderr: { write: (s: string) => (err += s) },
            signals: { on: () => undefined, off: () => undefined }
          }
        )
        expect(code).toBe(1)
        expect(out).toContain(REDACTED)
        expectClean('CLI stdout/stderr', out + err)
      }
      for (const name of readdirSync(tmp.dir)) expectClean(name, readFileSync(join(tmp.dir, name), 'utf8'))
      expect(readdirSync(tmp.dir).filter((n) => n.endsWith('.jsonl')).length).toBe(3)

      const profile = {
        id: 'p1',
        name: 'echo',
        destination: 'zangsho',
        baseUrl: base,
        timezone: 'Asia/Taipei'
      } as Profile
      const conn = await testConnection(profile, token, fetch)
      expect(conn.ok).toBe(false)
      expectClean('connection test', JSON.stringify(conn))
    } finally {
      tmp.cleanup()
    }
  })

  it('a token with CR/LF: the fetch error that quotes it is redacted in the engine and in the connection test', async () => {
    const bad = `crlf-secret-${randomBytes(8).toString('hex')}\r\nX-Injected: yes`
    const client = createApiClient({ fetch: globalThis.fetch, baseUrl: base, token: bad, timeoutMs: 2000 })
    const x = await client.request({ method: 'GET', path: '/customers' })
    expect(x.ok).toBe(false)
    const failure = !x.ok ? x.failure : null
    const text = JSON.stringify(describeNetworkFailure(failure!.error)) + String((failure!.error as Error).message)
    expect(text).toContain('invalid header value')
    expect(text).not.toContain('crlf-secret-')
    const profile = {
      id: 'p1',
      name: 'echo',
      destination: 'zangsho',
      baseUrl: base,
      timezone: 'Asia/Taipei'
    } as Profile
    expect(JSON.stringify(await testConnection(profile, bad, fetch))).not.toContain('crlf-secret-')
  })
})
