// Dispatches `orderdock <command>` to its module; each module exports run(argv) => exit code.
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
  const mod = await load()
  return mod.run(rest)
}
