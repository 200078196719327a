// npm run bench: runs every test/bench/*.bench.ts in its own process (so peak RSS is per benchmark) and prints its figures.
import { readdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const only = process.argv[2]
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort()

let failed = 0
for (const file of files) {
  process.stdout.write(`\n=== ${file}\n`)
  const res = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(here, file)], { stdio: 'inherit' })
  if (res.status !== 0) failed++
}
process.exitCode = failed ? 1 : 0
