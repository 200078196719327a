// `orderdock sandbox` as a real process: prints the base URLs and token, serves, and stops cleanly on SIGTERM / SIGINT.
import { type ChildProcess, spawn } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { run } from '../../src-main/cli/sandbox'

const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.pid) process.kill(child.pid, 'SIGKILL')
})

function startCli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli.ts', 'sandbox', ...args], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  children.push(child)
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; output:\n${out}`)), 20_000)
      const check = () => {
        const m = out.match(pattern)
        if (m) {
          clearTimeout(timer)
          child.stdout!.off('data', check)
          resolve(m)
        }
      }
      child.stdout!.on('data', check)
      check()
    })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, waitFor, exited, output: () => out }
}

describe('orderdock sandbox CLI', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'serves with the given limits and faults, then stops on %s with exit code 0',
    async (signal) => {
      const cli = startCli(['--port', '0', '--rate-limit', '2/min', '--faults', '5xx=1', '--seed', '3'])
      const [, zangsho] = await cli.waitFor(/帳獸 \(Zangsho\) base URL: (http:\/\/127\.0\.0\.1:\d+\/zangsho\/v1)/)
      const [, shopline] = await cli.waitFor(/SHOPLINE base URL: +(http:\/\/127\.0\.0\.1:\d+\/shopline\/v1)/)
      expect(cli.output()).toMatch(/token: +rehearsal/)
      const auth = { Authorization: 'Bearer rehearsal', 'Content-Type': 'application/json' }
      const read = await fetch(`${zangsho}/customers`, { headers: auth })
      expect(read.headers.get('x-ratelimit-limit')).toBe('2')
      const write = await fetch(`${zangsho}/customers/batch`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ customers: [{ email: 'a@example.com' }] })
      })
      expect(write.status).toBeGreaterThanOrEqual(500)
      expect((await fetch(`${zangsho}/customers`, { headers: auth })).status).toBe(429)
      expect((await fetch(`${shopline}/payments`, { headers: auth })).status).toBe(200)
      await cli.waitFor(/POST \/zangsho\/v1\/customers\/batch → 5\d\d \[fault: 5xx\]/)
      cli.child.kill(signal)
      expect(await cli.exited).toBe(0)
      expect(cli.output()).toContain('rehearsal server stopped')
    }
  )

  it('answers usage errors with exit code 2 and a message', async () => {
    const errors: string[] = []
    const original = process.stderr.write.bind(process.stderr)
    process.stderr.write = ((chunk: string) => (errors.push(String(chunk)), true)) as typeof process.stderr.write
    try {
      expect(await run(['--faults', 'boom=1'])).toBe(2)
      expect(await run(['--rate-limit', 'fast'])).toBe(2)
      expect(await run(['--port', '70000'])).toBe(2)
      expect(await run(['--colour'])).toBe(2)
    } finally {
      process.stderr.write = original
    }
    expect(errors.join('')).toMatch(/bad fault "boom=1"/)
    expect(errors.join('')).toMatch(/--rate-limit must look like 60\/min/)
  })
})
