// The real `orderdock profile` CLI in a child process against the real OS keychain (npm run test:keychain).
import { describe, it, expect, afterAll } from 'vitest'
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { KEYCHAIN_SERVICE, systemKeychain } from '../../src-main/core/credentials/profiles'

const kc = systemKeychain()
let dir = ''
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

function cli(args: string[], stdin: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli.ts', 'profile', ...args], {
      env: { ...process.env, ORDERDOCK_DATA_DIR: dir },
      stdio: ['pipe', 'pipe', 'pipe']
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (c) => (out += c))
    child.stderr.on('data', (c) => (err += c))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code: code ?? -1, out, err })
    })
    child.stdin.end(stdin)
  })
}

describe('profile CLI on the real keychain', () => {
  it('set-token stores the piped token in the keychain only; list shows last 4; remove deletes it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'orderdock-kc-cli-'))
    const token = `${randomBytes(20).toString('hex')}LST4`
    expect((await cli(['add', '--name', 'Shop', '--destination', 'zangsho'], '')).code).toBe(0)
    const set = await cli(['set-token', 'Shop'], `${token}\n`)
    expect(set.code, set.err).toBe(0)
    const rows = JSON.parse((await cli(['list', '--json'], '')).out)
    const id = rows[1].id as string
    expect(rows[1].token).toEqual({ saved: true, last4: 'LST4' })
    expect(await kc.getPassword(KEYCHAIN_SERVICE, id)).toBe(token)
    for (const f of await readdir(dir)) expect(await readFile(join(dir, f), 'utf8')).not.toContain(token)
    expect(set.out + set.err).not.toContain(token)
    expect((await cli(['remove', 'Shop'], '')).code).toBe(0)
    expect(await kc.getPassword(KEYCHAIN_SERVICE, id)).toBeNull()
  }, 180_000) // four CLI processes
})
