// Shared by the packaging tests: the electron-builder config as electron-builder reads it, and its file rules.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { load } from 'js-yaml'
import { Minimatch } from 'minimatch'
import type { Configuration } from 'electron-builder'

export const ROOT = join(import.meta.dirname, '..', '..')

/** electron-builder.yml parsed with js-yaml, the parser electron-builder itself uses. */
export function loadBuilderConfig(): Configuration {
  return load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Configuration
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T
}

/** Every file under the repo root, relative with '/' (node_modules, .git and build outputs are not walked). */
export function repoFiles(skip = ['node_modules', '.git', 'out', 'release', 'dist', 'coverage']): string[] {
  const files: string[] = []
  const walk = (dir: string, depth: number): void => {
    if (depth > 12) return
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name)
      const rel = relative(ROOT, full).split(sep).join('/')
      if (entry.isDirectory()) {
        if (!skip.includes(rel)) walk(full, depth + 1)
      } else files.push(rel)
    }
  }
  walk(ROOT, 0)
  return files
}

/**
 * The app files electron-builder packs for a `files` list: its rules from app-builder-lib's fileMatcher
 * (package.json is always added; patterns run in order, a later "!" pattern excludes, a later pattern re-includes)
 * with minimatch and { dot: true }, as app-builder-lib does.
 */
export function packedBy(filesPatterns: string[]): (path: string) => boolean {
  const patterns = [...filesPatterns]
  if (!patterns.includes('package.json')) patterns.push('package.json')
  // node_modules are copied by a separate collector (production dependencies only)
  patterns.push('!**/node_modules/**', '!**/electron-builder.{yaml,yml,json,json5,toml,ts}')
  const matchers = patterns.map((p) => new Minimatch(p, { dot: true }))
  return (path) => {
    let match = false
    for (const m of matchers) {
      if (match !== m.negate) continue
      match = m.match(path)
    }
    return match
  }
}

/** asarUnpack patterns: a file is unpacked when any pattern matches its path in the app. */
export function unpackedBy(patterns: string[]): (path: string) => boolean {
  const matchers = patterns.map((p) => new Minimatch(p, { dot: true }))
  return (path) => matchers.some((m) => m.match(path))
}
