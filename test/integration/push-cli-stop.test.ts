// A push that stops always tells the job id and the resume command (also with --json), and a full disk has its own code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runPush } from '../../src-main/cli/push'
import { startSandbox, type Sandbox } from '../../src-main/sandbox'
import { tempDir } from './push-fixtures'

let tmp: ReturnType<typeof tempDir>
let sb: Sandbox
beforeAll(async () => {
  tmp = tempDir()
  sb = await startSandbox({ zangshoRatePerMinute: 100_000, tokens: { zs_good_token_1: { api: 'zangsho' } } })
})
afterAll(async () => {
  await sb.close()
  tmp.cleanup()
})

function csv(n: number): string {
  const lines = ['訂單編號,金額,Email,姓名,狀態,付款時間']
  for (let i = 1; i <= n; i++)
    lines.push(`S-${String(i).padStart(4, '0')},"NT$${1000 + i}",b${i}@example.com,客戶${i},已付款,2025/11/30 10:15`)
  const path = join(tmp.dir, `orders-${n}.csv`)
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}

async function push(argv: string[], token: string) {
  let out = ''
  let err = ''
  const code = await runPush(argv, {
    env: { TOK: token },
    fetch: globalThis.fetch,
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    signals: { on: () => undefined, off: () => undefined }
  })
  return { code, out, err }
}

describe('push CLI when a job stops', () => {
  it('--json: a 401 stop prints the job id and the resume command on stderr, stdout stays one JSON document', async () => {
    const journalDir = join(tmp.dir, 'jobs-401')
    const r = await push(
      [
        csv(3),
        '--target',
        'zangsho.orders',
        '--base-url',
        sb.zangshoBaseUrl,
        '--token-env',
        'TOK',
        '--journal-dir',
        journalDir,
        '--json'
      ],
      'zs_revoked_token'
    )
    expect(r.code).toBe(1)
    const doc = JSON.parse(r.out) as { jobId: string; status: string }
    expect(doc.status).toBe('stopped')
    expect(r.err).toContain(
      `job ${doc.jobId} stopped — resume: orderdock push --resume ${doc.jobId} --journal-dir ${journalDir}`
    )
  })

  const isRoot = process.getuid?.() === 0
  it.runIf(isRoot)(
    'a full disk: [disk_full] with zh-TW/English words, the job id and the resume command; resume finishes it',
    async (ctx) => {
      const mnt = mkdtempSync(join(tmpdir(), 'orderdock-cli-full-'))
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt])
      } catch {
        rmSync(mnt, { recursive: true, force: true })
        return ctx.skip()
      }
      try {
        const file = csv(60)
        const journalDir = join(mnt, 'jobs')
        // room for the header and a batch or two, not for the whole job
        const fd = openSync(join(mnt, 'filler'), 'w')
        writeSync(fd, Buffer.alloc(64 * 1024 - 16 * 1024, 120))
        closeSync(fd)
        const args = [
          file,
          '--target',
          'zangsho.orders',
          '--base-url',
          sb.zangshoBaseUrl,
          '--token-env',
          'TOK',
          '--journal-dir',
          journalDir,
          '--batch-size',
          '5',
          '--min-interval-ms',
          '0'
        ]
        const first = await push(args, 'zs_good_token_1')
        expect(first.code).toBe(1)
        expect(first.out + first.err).toContain('[disk_full]')
        expect(first.out + first.err).toMatch(/磁碟空間不足/)
        const jobId = /job (\S+) stopped — resume: orderdock push --resume \1/.exec(first.out)?.[1]
        expect(jobId).toBeTruthy()
        rmSync(join(mnt, 'filler'))
        const resumed = await push(
          ['--resume', jobId!, '--token-env', 'TOK', '--journal-dir', journalDir],
          'zs_good_token_1'
        )
        expect(resumed.code).toBe(0)
        const numbers = sb.state.orders.map((o) => o.order_no).filter((n) => n.startsWith('S-'))
        expect(numbers.length).toBe(60)
        expect(new Set(numbers).size).toBe(60)
        expect(readdirSync(journalDir).filter((n) => n.endsWith('.tmp') || n.endsWith('.lock'))).toEqual([])
      } finally {
        execFileSync('umount', [mnt])
        rmSync(mnt, { recursive: true, force: true })
      }
    }
  )
  it.skipIf(isRoot)('needs root to mount a tmpfs (skipped)', () => undefined)
})
