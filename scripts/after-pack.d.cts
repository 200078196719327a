// Types for scripts/after-pack.cjs: the part of electron-builder's AfterPackContext the hook reads.
export interface AfterPackContextLike {
  appOutDir: string
  electronPlatformName: string
  arch: number
  packager: { appInfo: { productFilename: string }; executableName?: string }
}
declare function afterPack(context: AfterPackContextLike): Promise<void>
export = afterPack
