#!/usr/bin/env node
// OrderDock on the command line: the same core as the app. Each command lives in src-main/cli/<name>.ts.
import { runCli } from './cli/main'

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    process.stderr.write(`orderdock: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exitCode = 2
  }
)
