import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_META,
  DEV_SERVER_CONTENT_SECURITY_POLICY
} from '../../src-main/app/window-options'

const directives = (policy: string): Map<string, string> =>
  new Map(
    policy.split(';').map(
      (d) =>
        d
          .trim()
          .split(/\s+(.*)/s)
          .slice(0, 2) as [string, string]
    )
  )

describe('the dev-server CSP (npm run dev only)', () => {
  it('loosens only scripts, styles and the HMR socket; everything else stays strict', () => {
    const strict = directives(CONTENT_SECURITY_POLICY)
    const dev = directives(DEV_SERVER_CONTENT_SECURITY_POLICY)
    expect(dev.get('script-src')).toBe("'self' 'unsafe-inline'")
    expect(dev.get('style-src')).toBe("'self' 'unsafe-inline'")
    expect(dev.get('connect-src')).toBe("'self' ws://localhost:* ws://127.0.0.1:*")
    for (const [name, value] of strict) {
      if (!['script-src', 'style-src', 'connect-src'].includes(name)) expect(dev.get(name)).toBe(value)
    }
    expect(DEV_SERVER_CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
  })

  it('is used only when Electron loads the dev server URL', () => {
    const index = readFileSync('src-main/index.ts', 'utf8')
    expect(index).toMatch(
      /hardenSession\(session\.defaultSession, devServerUrl \? DEV_SERVER_CONTENT_SECURITY_POLICY : undefined\)/
    )
    expect(index).toMatch(/const devServerUrl = !app\.isPackaged \? process\.env\.ELECTRON_RENDERER_URL : undefined/)
  })

  it('the vite plugin that loosens the <meta> applies to the dev server only', () => {
    const config = readFileSync('electron.vite.config.ts', 'utf8')
    expect(config).toMatch(/apply: 'serve'/)
    expect(readFileSync('src-renderer/index.html', 'utf8')).toContain(CONTENT_SECURITY_POLICY_META)
  })
})
