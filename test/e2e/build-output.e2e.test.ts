// The production build as shipped: one sandbox-safe CommonJS preload, and a renderer page under the strict CSP.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY_META } from '../../src-main/app/window-options'
import { METHOD_NAMES } from '../../src-main/ipc/contract'

const out = resolve(__dirname, '../../out')

describe('npm run build output', () => {
  it('emits the preload as one CommonJS file that requires nothing but electron', () => {
    expect(readdirSync(join(out, 'preload'))).toEqual(['preload.cjs'])
    const preload = readFileSync(join(out, 'preload/preload.cjs'), 'utf8')
    const required = [...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])
    expect(required).toEqual(['electron'])
    expect(preload).not.toMatch(/^\s*import\s/m)
    expect(preload).toContain('exposeInMainWorld')
    // the allowlist of reachable methods is baked into the preload
    for (const method of METHOD_NAMES) expect(preload).toContain(`"${method}"`)
  })

  it('ships index.html with the strict CSP and only external scripts and styles', () => {
    const html = readFileSync(join(out, 'renderer/index.html'), 'utf8')
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY_META)
    for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      expect(attributes).toMatch(/\bsrc="\.\/assets\//)
      expect(body.trim()).toBe('')
    }
    expect(html).not.toMatch(/<style\b/i)
    expect(html).not.toMatch(/\son[a-z]+=/i)
  })

  it('builds the main process entry and the parse worker next to it', () => {
    expect(existsSync(join(out, 'main/index.js'))).toBe(true)
    expect(existsSync(join(out, 'main/parse.worker.js'))).toBe(true)
  })
})
