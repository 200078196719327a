// CI's packaged test app (ORDERDOCK_TEST_PACKAGE=1): only the --inspect fuse stays on, so Playwright can attach;
// every other fuse is flipped exactly as in the installers.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as fuses from '@electron/fuses'
import { afterEach, describe, expect, it } from 'vitest'
import afterPack from '../../scripts/after-pack.cjs'

const { FuseV1Options, FuseState } = fuses
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const dirs: string[] = []
afterEach(() => {
  delete process.env.ORDERDOCK_TEST_PACKAGE
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function packLinux(): Promise<Record<number, number>> {
  const appOutDir = mkdtempSync(join(tmpdir(), 'orderdock-test-package-'))
  dirs.push(appOutDir)
  const wire = Buffer.concat([Buffer.from(SENTINEL, 'latin1'), Buffer.from([1, 9]), Buffer.from('101100011', 'latin1')])
  writeFileSync(join(appOutDir, 'orderdock'), Buffer.concat([Buffer.alloc(512), wire, Buffer.alloc(512)]))
  await afterPack({
    appOutDir,
    electronPlatformName: 'linux',
    arch: 1,
    packager: { appInfo: { productFilename: 'OrderDock' }, executableName: 'orderdock' }
  })
  return (await fuses.getCurrentFuseWire(join(appOutDir, 'orderdock'))) as unknown as Record<number, number>
}

describe('the packaged test app', () => {
  it('keeps --inspect on only when ORDERDOCK_TEST_PACKAGE=1, everything else as shipped', async () => {
    const shipped = await packLinux()
    expect(shipped[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE)
    process.env.ORDERDOCK_TEST_PACKAGE = '1'
    const test = await packLinux()
    expect(test[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.ENABLE)
    for (const fuse of [
      FuseV1Options.RunAsNode,
      FuseV1Options.EnableNodeOptionsEnvironmentVariable,
      FuseV1Options.OnlyLoadAppFromAsar,
      FuseV1Options.EnableEmbeddedAsarIntegrityValidation
    ]) {
      expect(test[fuse], String(fuse)).toBe(shipped[fuse])
    }
  })
})
