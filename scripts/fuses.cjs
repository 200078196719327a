// Electron fuses OrderDock ships with, and where the fuse wire lives in a packed app. Used by after-pack.cjs and the tests.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, so electron-builder loads it without a build step */
'use strict'
const path = require('node:path')

/** Fuse name (as in @electron/fuses' FuseV1Options) → value. Every other fuse keeps Electron's default. */
const FUSE_SETTINGS = Object.freeze({
  // no `ELECTRON_RUN_AS_NODE=1 OrderDock` turning the signed app into a general-purpose Node
  RunAsNode: false,
  // NODE_OPTIONS / NODE_EXTRA_CA_CERTS cannot inject code or flags
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect / SIGUSR1 cannot attach a debugger to the main process
  EnableNodeCliInspectArguments: false,
  // only app.asar is loaded (no loose "app" folder next to it) ...
  OnlyLoadAppFromAsar: true,
  // ... and its header hash is checked against the one embedded at build time (macOS, Windows)
  EnableEmbeddedAsarIntegrityValidation: true
})

/**
 * The @electron/fuses config for one packed app. `fuses` is the @electron/fuses module (ESM, so callers import it).
 * Flipping fuses breaks an arm64 macOS ad-hoc signature, so it is redone there (a real signature comes later anyway).
 */
function fuseConfigFor(fuses, platform, arch) {
  const config = {
    version: fuses.FuseVersion.V1,
    resetAdHocDarwinSignature: platform === 'darwin' && (arch === 'arm64' || arch === 'universal')
  }
  for (const [name, value] of Object.entries(FUSE_SETTINGS)) {
    const index = fuses.FuseV1Options[name]
    if (typeof index !== 'number') throw new Error(`@electron/fuses has no fuse named ${name}`)
    config[index] = value
  }
  return config
}

/**
 * The file flipFuses is given: OrderDock.exe on Windows, the .app bundle on macOS (@electron/fuses finds the
 * Electron Framework binary, where the wire is, inside it), the lowercase executable on Linux.
 */
function electronBinaryPath({ appOutDir, platform, productFilename, executableName }) {
  if (platform === 'win32') return path.join(appOutDir, `${productFilename}.exe`)
  if (platform === 'darwin' || platform === 'mas') return path.join(appOutDir, `${productFilename}.app`)
  if (platform === 'linux') return path.join(appOutDir, executableName)
  throw new Error(`no Electron binary path for platform ${platform}`)
}

/** electron-builder's Arch enum is numeric; fuses only care about arm64. */
const ARCH_NAMES = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' }

module.exports = { FUSE_SETTINGS, fuseConfigFor, electronBinaryPath, ARCH_NAMES }
