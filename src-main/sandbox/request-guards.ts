// Checks every request passes before any route sees it: loopback Host (no DNS rebinding), bounded JSON nesting, no prototype keys.
import type { IncomingMessage } from 'node:http'

/** Deeper JSON is refused with 400 before it is parsed (a deep body would exhaust the stack of anything that walks it). */
export const MAX_JSON_DEPTH = 64
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])
const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** A browser page on evil.example that rebinds its name to 127.0.0.1 still sends `Host: evil.example`. */
export function isLoopbackHostHeader(req: IncomingMessage): boolean {
  const host = req.headers.host
  if (!host) return false
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]
  return LOOPBACK_HOSTNAMES.has(name.toLowerCase())
}

/** Nesting depth of JSON text, counted without parsing (strings are skipped); stops counting past the limit. */
export function jsonDepthExceeds(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
      continue
    }
    if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  return false
}

/** The first prototype-like key anywhere in a parsed body, or null. */
export function prototypeKey(value: unknown): string | null {
  const stack: unknown[] = [value]
  while (stack.length) {
    const v = stack.pop()
    if (v === null || typeof v !== 'object') continue
    if (Array.isArray(v)) stack.push(...v)
    else
      for (const [k, x] of Object.entries(v)) {
        if (PROTOTYPE_KEYS.has(k)) return k
        stack.push(x)
      }
  }
  return null
}

/** What the request log keeps of the headers: a bounded number of names and values, each cut short. */
export function boundedHeaders(
  headers: IncomingMessage['headers'],
  maxHeaders = 24,
  maxChars = 256
): Record<string, string> {
  const out: Record<string, string> = {}
  let kept = 0
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'authorization' || value === undefined) continue
    if (kept++ >= maxHeaders) break
    const text = Array.isArray(value) ? value.join(', ') : value
    out[name.slice(0, 64)] = text.length > maxChars ? `${text.slice(0, maxChars)}…` : text
  }
  return out
}
