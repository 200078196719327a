// Running the push CLI in integration tests: in this process (runPush, the token in TOK), or as a real child process
// that a test kills mid-job; then --resume of the job the killed run left in its journal folder.
import { spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { runPush } from '../../src-main/cli/push'

/** `orderdock push …` in this process; what it printed and its exit code. */
export async function pushInProcess(argv: string[], env: NodeJS.ProcessEnv = { TOK: 'rehearsal' }) {
  let out = ''
  let err = ''
  const code = await runPush(argv, {
    env,
    fetch: globalThis.fetch,
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    signals: { on: () => undefined, off: () => undefined }
  })
  return { code, out, err }
}

/** `orderdock push …` as a child process (TOK=rehearsal), to be killed or interrupted. */
export function pushChild(argv: string[]) {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli.ts', 'push', ...argv], {
    env: { ...process.env, TOK: 'rehearsal' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  proc.stdout.on('data', (d) => (out += d))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: () => string }>((res) =>
    proc.on('exit', (code, signal) => res({ code, signal, out: () => out }))
  )
  return { proc, exited }
}

/** Waits until cond() holds or ms pass (the test's own expectations then say what was reached). */
export async function until(cond: () => boolean, ms = 30_000) {
  const end = Date.now() + ms
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 20))
}

/** Starts the push in a child, kill -9 once reached() holds; how it exited and the job id its journal names. */
export async function killMidJob(argv: string[], journalDir: string, reached: () => boolean) {
  const { proc, exited } = pushChild(argv)
  await until(reached)
  proc.kill('SIGKILL')
  const { signal } = await exited
  const jobId = readdirSync(journalDir)[0].replace(/\.jsonl$/, '')
  return { signal, jobId }
}

/** The arguments of `push --resume <jobId>` with the token in TOK and JSON output. */
export const resumeArgs = (jobId: string, journalDir: string) => [
  '--resume',
  jobId,
  '--token-env',
  'TOK',
  '--journal-dir',
  journalDir,
  '--json'
]
