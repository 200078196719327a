// The notarization hook: runs only on macOS with Apple credentials in the environment, otherwise skips quietly.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import afterSign from '../../scripts/notarize.cjs'

const { notarizeApp, notarizeCredentialsFromEnv } = afterSign
const macContext = {
  appOutDir: join('release', 'mac-arm64'),
  electronPlatformName: 'darwin',
  packager: { appInfo: { productFilename: 'OrderDock' } }
}

describe('notarization credentials from the environment', () => {
  it('uses an App Store Connect API key first, then an Apple ID, then a keychain profile', () => {
    const apiKey = { APPLE_API_KEY: '/k/AuthKey.p8', APPLE_API_KEY_ID: 'KEY1', APPLE_API_ISSUER: 'issuer-uuid' }
    const appleId = { APPLE_ID: 'dev@example.com', APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh', APPLE_TEAM_ID: 'TEAM123' }
    expect(notarizeCredentialsFromEnv({ ...appleId, ...apiKey })).toEqual({
      kind: 'apiKey',
      options: { appleApiKey: '/k/AuthKey.p8', appleApiKeyId: 'KEY1', appleApiIssuer: 'issuer-uuid' }
    })
    expect(notarizeCredentialsFromEnv(appleId)).toEqual({
      kind: 'appleId',
      options: { appleId: 'dev@example.com', appleIdPassword: 'abcd-efgh', teamId: 'TEAM123' }
    })
    expect(
      notarizeCredentialsFromEnv({ APPLE_KEYCHAIN_PROFILE: 'orderdock', APPLE_KEYCHAIN: 'build.keychain' })
    ).toEqual({
      kind: 'keychain',
      options: { keychainProfile: 'orderdock', keychain: 'build.keychain' }
    })
  })

  it('treats a partial set or empty secrets (a fork without secrets) as no credentials', () => {
    expect(notarizeCredentialsFromEnv({}).kind).toBe('none')
    expect(notarizeCredentialsFromEnv({ APPLE_ID: 'dev@example.com', APPLE_TEAM_ID: 'TEAM123' }).kind).toBe('none')
    expect(notarizeCredentialsFromEnv({ APPLE_ID: '', APPLE_APP_SPECIFIC_PASSWORD: '', APPLE_TEAM_ID: '' }).kind).toBe(
      'none'
    )
    expect(notarizeCredentialsFromEnv({ APPLE_API_KEY: 'k', APPLE_API_KEY_ID: ' ', APPLE_API_ISSUER: 'i' }).kind).toBe(
      'none'
    )
  })
})

describe('the afterSign hook', () => {
  it('notarizes the .app bundle with the credentials found', async () => {
    const calls: unknown[] = []
    const env = { APPLE_ID: 'dev@example.com', APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh', APPLE_TEAM_ID: 'TEAM123' }
    const result = await notarizeApp(macContext, env, async (options) => {
      calls.push(options)
    })
    expect(result).toBe('notarized')
    expect(calls).toEqual([
      {
        appPath: join('release', 'mac-arm64', 'OrderDock.app'),
        appleId: 'dev@example.com',
        appleIdPassword: 'abcd-efgh',
        teamId: 'TEAM123'
      }
    ])
  })

  it('skips without credentials and never calls Apple', async () => {
    let called = false
    const result = await notarizeApp(macContext, {}, async () => {
      called = true
    })
    expect(result).toBe('skipped')
    expect(called).toBe(false)
  })

  it('does nothing for Windows and Linux builds', async () => {
    const env = { APPLE_ID: 'a', APPLE_APP_SPECIFIC_PASSWORD: 'b', APPLE_TEAM_ID: 'c' }
    expect(
      await notarizeApp({ ...macContext, electronPlatformName: 'win32' }, env, async () => {
        throw new Error('must not run')
      })
    ).toBe('not-mac')
  })

  it('lets a notarization failure fail the build', async () => {
    const env = { APPLE_ID: 'a', APPLE_APP_SPECIFIC_PASSWORD: 'b', APPLE_TEAM_ID: 'c' }
    await expect(
      notarizeApp(macContext, env, async () => {
        throw new Error('Apple said: invalid credentials')
      })
    ).rejects.toThrow(/invalid credentials/)
  })
})
