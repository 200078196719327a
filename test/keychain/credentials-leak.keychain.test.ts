// Leak test as a user runs it: token saved with `profile set-token` into the real OS keychain, then `push --profile`
// (a full push, then one that meets 401) in child processes. The token must be in no file under the data dir
// (profiles, journals, reports) and in no output; only the keychain holds it. Run with `npm run test:keychain`.
import { describe, it, expect, afterAll } from 'vitest'
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import * as XLSX from 'xlsx'
import { KEYCHAIN_SERVICE, systemKeychain } from '../../src-main/core/credentials/profiles'
import { startSandbox, type Sandbox } from '../../src-main/sandbox'

const kc = systemKeychain()
const cleanups: (() => Promise<unknown>)[] = []
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined)
})

function cli(args: string[], dataDir: string, stdin = ''): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli.ts', ...args], {
      env: { ...process.env, ORDERDOCK_DATA_DIR: dataDir },
      stdio: ['pipe', 'pipe', 'pipe']
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (c) => (out += c))
    child.stderr.on('data', (c) => (err += c))
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code: code ?? -1, out, err })
    })
    child.stdin.end(stdin)
  })
}

async function allText(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const name of await readdir(dir)) {
    const path = join(dir, name)
    if ((await stat(path)).isDirectory()) for (const [p, t] of await allText(path)) out.set(p, t)
    else if (name.endsWith('.xlsx')) {
      const book = XLSX.read(await readFile(path))
      out.set(path, book.SheetNames.map((s) => XLSX.utils.sheet_to_csv(book.Sheets[s])).join('\n'))
    } else out.set(path, (await readFile(path, 'latin1')) + (await readFile(path, 'utf8')))
  }
  return out
}

function expectNoToken(where: string, text: string, token: string): void {
  for (const f of [
    token,
    Buffer.from(token).toString('base64'),
    encodeURIComponent(token),
    token.slice(0, token.length / 2)
  ]) {
    expect(text.includes(f), `${where} contains the token${f === token ? '' : ' (encoded or partly)'}`).toBe(false)
  }
}

describe('leak test: profile set-token + push --profile on the real keychain', () => {
  it('the token is only in the keychain', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'orderdock-leak-kc-'))
    const work = await mkdtemp(join(tmpdir(), 'orderdock-leak-work-'))
    cleanups.push(
      () => rm(dataDir, { recursive: true, force: true }),
      () => rm(work, { recursive: true, force: true })
    )
    const token = `lk_${randomBytes(24).toString('hex')}`
    const sandbox: Sandbox = await startSandbox({
      zangshoRatePerMinute: 100_000,
      tokens: { [token]: { api: 'zangsho' } }
    })
    const revoked: Sandbox = await startSandbox({ tokens: { 'someone-else-000': { api: 'zangsho' } } })
    cleanups.push(
      () => sandbox.close(),
      () => revoked.close()
    )

    const lines = ['訂單編號,金額,Email,姓名,狀態,付款時間']
    for (let i = 1; i <= 120; i++)
      lines.push(
        `L-${String(i).padStart(4, '0')},"NT$${1000 + i}",buyer${i % 7}@example.com,客戶${i % 7},已付款,2025/11/30 10:15`
      )
    const file = join(work, 'orders.csv')
    await writeFile(file, lines.join('\n') + '\n')

    const outputs: string[] = []
    const run = async (args: string[], stdin = '') => {
      const r = await cli(args, dataDir, stdin)
      outputs.push(r.out, r.err)
      return r
    }
    expect(
      (
        await run([
          'profile',
          'add',
          '--name',
          'Leak',
          '--destination',
          'zangsho',
          '--base-url',
          sandbox.zangshoBaseUrl
        ])
      ).code
    ).toBe(0)
    expect((await run(['profile', 'set-token', 'Leak'], `${token}\n`)).code).toBe(0)
    const id = JSON.parse((await run(['profile', 'list', '--json'])).out)[1].id as string
    cleanups.push(() => kc.deletePassword(KEYCHAIN_SERVICE, id))
    expect(await kc.getPassword(KEYCHAIN_SERVICE, id)).toBe(token)
    expect((await run(['profile', 'test', 'Leak'])).code).toBe(0)

    const common = ['--target', 'zangsho.orders', '--profile', 'Leak', '--batch-size', '50', '--min-interval-ms', '10']
    const full = await run(['push', file, ...common, '--report', join(dataDir, 'report.xlsx')])
    expect(full.code, full.err).toBe(0)
    expect(sandbox.state.orders).toHaveLength(120)
    const json = await run([
      'push',
      file,
      ...common,
      '--on-conflict',
      'update',
      '--json',
      '--report',
      join(dataDir, 'report.csv')
    ])
    expect(JSON.parse(json.out).summary.updated).toBe(120)
    const stopped = await run(['push', file, ...common, '--base-url', revoked.zangshoBaseUrl])
    expect(stopped.code).toBe(1)
    expect(stopped.err + stopped.out).toContain('401')

    const files = await allText(dataDir)
    expect([...files.keys()].some((f) => f.endsWith('.jsonl'))).toBe(true) // journals were written here
    expect([...files.keys()].some((f) => f.endsWith('report.xlsx'))).toBe(true)
    for (const [path, text] of files) expectNoToken(path, text, token)
    expectNoToken('CLI output', outputs.join('\n'), token)
  }, 300_000) // eight CLI processes (tsx start-up) on a busy CI machine
})
