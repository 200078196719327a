// Crash-safe file writes: a crash leaves the old version or the new one, never half of either.
import { open, rename, mkdir, rm } from 'node:fs/promises'
import { dirname, basename, join } from 'node:path'
import { randomBytes } from 'node:crypto'

/** Write to a temp file beside the target, fsync it, rename over the target, then fsync the folder. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path)
  await mkdir(dir, { recursive: true })
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const fh = await open(tmp, 'w', 0o600)
  try {
    await fh.writeFile(data)
    await fh.sync()
  } catch (err) {
    // A full disk must not leave a half-written temp file behind (it would hold on to the little space left).
    await fh.close().catch(() => undefined)
    await rm(tmp, { force: true })
    throw err
  }
  await fh.close()
  try {
    await rename(tmp, path)
  } catch (err) {
    await rm(tmp, { force: true })
    throw err
  }
  await syncDir(dir)
}

/** fsync a directory so a rename inside it survives power loss (a no-op where the OS does not allow it, e.g. Windows). */
export async function syncDir(dir: string): Promise<void> {
  let fh
  try {
    fh = await open(dir, 'r')
    await fh.sync()
  } catch {
    // Windows cannot open directories for fsync; NTFS journals the rename itself.
  } finally {
    await fh?.close()
  }
}
