// electron-builder afterSign hook: notarizes the signed macOS app with Apple when credentials are in the environment.
// Without them (local builds, forks, pull requests) it logs "skipping notarization" and the build goes on.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, so electron-builder loads it without a build step */
'use strict'
const path = require('node:path')

/**
 * Which Apple credentials the environment holds, as @electron/notarize options (without appPath), or why not.
 * API key (recommended by electron-builder) wins over Apple ID, which wins over a stored keychain profile.
 */
function notarizeCredentialsFromEnv(env) {
  const has = (name) => typeof env[name] === 'string' && env[name].trim() !== ''
  if (has('APPLE_API_KEY') && has('APPLE_API_KEY_ID') && has('APPLE_API_ISSUER')) {
    return {
      kind: 'apiKey',
      options: {
        appleApiKey: env.APPLE_API_KEY,
        appleApiKeyId: env.APPLE_API_KEY_ID,
        appleApiIssuer: env.APPLE_API_ISSUER
      }
    }
  }
  if (has('APPLE_ID') && has('APPLE_APP_SPECIFIC_PASSWORD') && has('APPLE_TEAM_ID')) {
    return {
      kind: 'appleId',
      options: { appleId: env.APPLE_ID, appleIdPassword: env.APPLE_APP_SPECIFIC_PASSWORD, teamId: env.APPLE_TEAM_ID }
    }
  }
  if (has('APPLE_KEYCHAIN_PROFILE')) {
    const options = { keychainProfile: env.APPLE_KEYCHAIN_PROFILE }
    if (has('APPLE_KEYCHAIN')) options.keychain = env.APPLE_KEYCHAIN
    return { kind: 'keychain', options }
  }
  return {
    kind: 'none',
    reason:
      'no Apple credentials in the environment (set APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER, ' +
      'or APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID, or APPLE_KEYCHAIN_PROFILE)'
  }
}

/** @param {import('app-builder-lib').AfterPackContext} context */
async function notarizeApp(context, env = process.env, notarize = undefined) {
  if (context.electronPlatformName !== 'darwin') return 'not-mac'
  const credentials = notarizeCredentialsFromEnv(env)
  if (credentials.kind === 'none') {
    console.log(`  • skipping notarization: ${credentials.reason}`)
    return 'skipped'
  }
  const appPath = path.join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`)
  const run = notarize ?? require('@electron/notarize').notarize
  console.log(`  • notarizing  app=${appPath} credentials=${credentials.kind}`)
  await run({ appPath, ...credentials.options })
  console.log('  • notarized')
  return 'notarized'
}

module.exports = (context) => notarizeApp(context)
module.exports.default = module.exports
module.exports.notarizeApp = notarizeApp
module.exports.notarizeCredentialsFromEnv = notarizeCredentialsFromEnv
