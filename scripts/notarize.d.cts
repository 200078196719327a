// Types for scripts/notarize.cjs.
export type NotarizeCredentials =
  | { kind: 'apiKey'; options: { appleApiKey: string; appleApiKeyId: string; appleApiIssuer: string } }
  | { kind: 'appleId'; options: { appleId: string; appleIdPassword: string; teamId: string } }
  | { kind: 'keychain'; options: { keychainProfile: string; keychain?: string } }
  | { kind: 'none'; reason: string }
export interface AfterSignContextLike {
  appOutDir: string
  electronPlatformName: string
  packager: { appInfo: { productFilename: string } }
}
type Env = Record<string, string | undefined>
type Notarize = (options: { appPath: string } & Record<string, string>) => Promise<void>
declare function afterSign(context: AfterSignContextLike): Promise<string>
declare namespace afterSign {
  function notarizeCredentialsFromEnv(env: Env): NotarizeCredentials
  function notarizeApp(
    context: AfterSignContextLike,
    env?: Env,
    notarize?: Notarize
  ): Promise<'not-mac' | 'skipped' | 'notarized'>
}
export = afterSign
