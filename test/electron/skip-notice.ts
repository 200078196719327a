// vitest globalSetup: the one line explaining why the real-Electron suite is skipped on this machine.
import { electronUnavailable } from './launch'

export default function setup(): void {
  const reason = electronUnavailable()
  if (reason) process.stdout.write(`real-Electron tests skipped: ${reason}\n`)
}
