// The token must appear nowhere: not in the data dir, journals, reports, progress events, results or console output.
import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest'
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import * as XLSX from 'xlsx'
import { createProfileStore, memoryKeychain } from '../../src-main/core/credentials/profiles'
import { resolvePushProfile } from '../../src-main/core/credentials/push-profile'
import { profilesForRenderer } from '../../src-main/core/credentials/renderer-view'
import { testConnection } from '../../src-main/core/credentials/connection'
import { startJob, type ProgressEvent } from '../../src-main/core/upload'
import { buildReport, writeReport } from '../../src-main/core/report'
import { startSandbox, type Sandbox } from '../../src-main/sandbox'
import { jobOptions, orderRecords, testEnv } from './push-fixtures'

let dataDir: string
let sandbox: Sandbox | null = null
const captured: string[] = []
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'orderdock-leak-'))
  captured.length = 0
  // everything the process prints while pushing
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream)
    vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      captured.push(String(chunk))
      return (original as (...a: unknown[]) => boolean)(chunk, ...rest)
    }) as typeof stream.write)
  }
})
afterEach(async () => {
  vi.restoreAllMocks()
  await sandbox?.close()
  sandbox = null
  await rm(dataDir, { recursive: true, force: true })
})

/** Every file under dir, recursively; xlsx files are read back as text (they are zipped). */
async function allText(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const name of await readdir(dir)) {
    const path = join(dir, name)
    if ((await stat(path)).isDirectory()) {
      for (const [p, t] of await allText(path)) out.set(p, t)
    } else if (name.endsWith('.xlsx')) {
      const book = XLSX.read(await readFile(path))
      out.set(path, book.SheetNames.map((s) => XLSX.utils.sheet_to_csv(book.Sheets[s])).join('\n'))
    } else {
      out.set(path, (await readFile(path, 'latin1')) + (await readFile(path, 'utf8')))
    }
  }
  return out
}

/** The token, and the forms it could hide in (base64, URL-encoded, its first half). */
function forms(token: string): string[] {
  return [token, Buffer.from(token).toString('base64'), encodeURIComponent(token), token.slice(0, token.length / 2)]
}

function expectNoToken(where: string, text: string, token: string): void {
  for (const f of forms(token))
    expect(text.includes(f), `${where} contains the token (${f === token ? 'as is' : 'encoded'})`).toBe(false)
}

describe('the token leaks nowhere', () => {
  it('through a full push from a profile, a 401 stop, a 403 stop, reports and the renderer view', async () => {
    const token = `lk_${randomBytes(24).toString('hex')}`
    sandbox = await startSandbox({
      zangshoRatePerMinute: 100_000,
      tokens: { [token]: { api: 'zangsho' }, 'limited-token-0001': { api: 'zangsho', abilities: ['customers:read'] } }
    })
    const store = createProfileStore(dataDir, memoryKeychain())
    const p = await store.add({
      name: '正式帳獸',
      destination: 'zangsho',
      baseUrl: sandbox.zangshoBaseUrl,
      timezone: 'Asia/Taipei'
    })
    await store.setToken(p.id, token)
    const settings = await resolvePushProfile(store, p.id, 'zangsho')
    expect(settings.token).toBe(token)

    const events: ProgressEvent[] = []
    const journalDir = join(dataDir, 'jobs')
    const records = orderRecords(150)
    const env = testEnv(journalDir, { token: settings.token, onProgress: (e) => events.push(e), progressIntervalMs: 0 })
    const result = await startJob({ records, options: jobOptions('zangsho.orders', settings.baseUrl), env }).done
    expect(result.summary.created).toBe(150)
    expect(sandbox.state.requestLog.some((r) => r.status === 200 || r.status === 201)).toBe(true)

    // a push that meets 401 (token revoked) and 403 (ability missing) stops with a plain message
    const revoked = await startSandbox({ tokens: { 'someone-else-0000': { api: 'zangsho' } } })
    const stopped401 = await startJob({
      records,
      options: jobOptions('zangsho.orders', `${revoked.url}/zangsho/v1`),
      env
    }).done
    await revoked.close()
    expect(stopped401.status).toBe('stopped')
    await store.setToken(p.id, 'limited-token-0001')
    const limited = await resolvePushProfile(store, p.id, 'zangsho')
    const stopped403 = await startJob({
      records,
      options: jobOptions('zangsho.orders', limited.baseUrl),
      env: { ...env, token: limited.token }
    }).done
    expect(stopped403.status).toBe('stopped')
    expect(JSON.stringify(stopped403.stopMessage)).toContain('orders:write')
    await store.setToken(p.id, token)

    // reports as the app writes them
    const source = {
      headers: ['order_no'],
      rows: records.map((r) => ({
        rowNumber: r.row,
        cells: [{ t: 's' as const, v: String(r.payload.order_no), w: String(r.payload.order_no) }]
      }))
    }
    await writeReport(join(dataDir, 'report.csv'), buildReport(source, result.results))
    await writeReport(join(dataDir, 'report.xlsx'), buildReport(source, stopped401.results, { language: 'zh-TW' }))

    // what the renderer would receive over IPC: the profile view, progress events, results, the connection check
    const conn = await testConnection(p, token, fetch)
    expect(conn.ok).toBe(true)
    const ipcPayloads = JSON.stringify([await profilesForRenderer(store), events, result, stopped401, stopped403, conn])
    expect(ipcPayloads).toContain(token.slice(-4)) // last 4 is allowed, and is there
    expectNoToken('IPC payloads', ipcPayloads.replaceAll(token.slice(-4), '____'), token)

    const files = await allText(dataDir)
    expect([...files.keys()].some((f) => f.includes(`${join('jobs', '')}`))).toBe(true)
    for (const [path, text] of files) expectNoToken(path, text, token)
    expectNoToken('stdout/stderr', captured.join(''), token)
  })
})
