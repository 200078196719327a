// electron-builder afterPack hook: flips the Electron fuses (scripts/fuses.cjs) before the app is signed.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, so electron-builder loads it without a build step */
'use strict'
const { ARCH_NAMES, electronBinaryPath, fuseConfigFor } = require('./fuses.cjs')

/** @param {import('app-builder-lib').AfterPackContext} context */
async function afterPack(context) {
  // @electron/fuses is ESM-only
  const fuses = await import('@electron/fuses')
  const platform = context.electronPlatformName
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch)
  const binary = electronBinaryPath({
    appOutDir: context.appOutDir,
    platform,
    productFilename: context.packager.appInfo.productFilename,
    // only the Linux packager has executableName (lowercase "orderdock")
    executableName: context.packager.executableName ?? context.packager.appInfo.productFilename
  })
  const config = fuseConfigFor(fuses, platform, arch)
  // CI's test package only (never an installer): Playwright's _electron.launch attaches through Node's --inspect,
  // which the shipped fuse turns off; every other fuse stays as shipped
  if (process.env.ORDERDOCK_TEST_PACKAGE === '1') config[fuses.FuseV1Options.EnableNodeCliInspectArguments] = true
  await fuses.flipFuses(binary, config)
  console.log(`  • fuses flipped  file=${binary} platform=${platform} arch=${arch}`)
}

module.exports = afterPack
module.exports.default = afterPack
