// Types for scripts/fuses.cjs (plain CommonJS so electron-builder can load it without a build step).
import type { FuseConfig } from '@electron/fuses'

export declare const FUSE_SETTINGS: Readonly<{
  RunAsNode: false
  EnableNodeOptionsEnvironmentVariable: false
  EnableNodeCliInspectArguments: false
  OnlyLoadAppFromAsar: true
  EnableEmbeddedAsarIntegrityValidation: true
}>
export declare function fuseConfigFor(
  fuses: typeof import('@electron/fuses'),
  platform: string,
  arch: string
): FuseConfig
export declare function electronBinaryPath(args: {
  appOutDir: string
  platform: string
  productFilename: string
  executableName: string
}): string
export declare const ARCH_NAMES: Record<number, string>
