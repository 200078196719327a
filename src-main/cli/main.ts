// Dispatches `orderdock <command>` to its module; each module exports run(argv) => exit code.
import { startStreamWorkerEarly } from '../core/workbook/early-worker'
import { limitHeapGrowth } from '../core/heap-growth'

/** Commands that read a spreadsheet given as their first argument. */
const READS_A_FILE = new Set(['validate', 'push'])
const COMMANDS: Record<string, () => Promise<{ run(argv: string[]): Promise<number> }>> = {
  validate: () => import('./validate'),
  push: () => import('./push'),
  sandbox: () => import('./sandbox'),
  profile: () => import('./profile')
}

const USAGE = `usage: orderdock <command> [options]

commands:
  validate <file> --target ID   check a spreadsheet against a destination
  push <file> --target ID       send it (see README)
  sandbox [--port N]            start the rehearsal server
  profile list|add|remove|set-token|test
`

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  const load = name ? COMMANDS[name] : undefined
  if (!load) {
    process.stderr.write(name ? `orderdock: unknown command "${name}"\n\n${USAGE}` : USAGE)
    return 2
  }
  if (READS_A_FILE.has(name)) limitHeapGrowth()
  // their parse worker starts loading now, beside this process loading the command (issue 14)
  if (READS_A_FILE.has(name) && rest.length > 0 && !rest[0].startsWith('-')) startStreamWorkerEarly()
  const mod = await load()
  return mod.run(rest)
}
