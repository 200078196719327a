// ESLint rule orderdock/no-import-cycle: import-x/no-cycle skips `import type`, so a cycle made only of type imports
// (like the one contract.ts, prepare-contract.ts and profiles-contract.ts once had) passes it. This rule follows every
// relative import and re-export, type-only included, and reports the one that leads back to the file being linted.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'

const IMPORT_SOURCES =
  /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.mjs', '/index.ts', '/index.tsx']

/** A relative specifier to the file on disk (TypeScript style: './x' → ./x.ts), or null for packages and misses. */
export function resolveLocal(specifier, fromFile) {
  if (!specifier.startsWith('.')) return null
  const base = resolve(dirname(fromFile), specifier)
  const candidates = [
    base,
    ...EXTENSIONS.map((ext) => base + ext),
    ...(base.endsWith('.js') ? [base.slice(0, -3) + '.ts', base.slice(0, -3) + '.tsx'] : [])
  ]
  return candidates.find((path) => existsSync(path) && statSync(path).isFile()) ?? null
}

const importsCache = new Map()

/** Files a module imports (relative only), type-only imports and re-exports included. Comments are ignored. */
export function localImports(file, text) {
  const source = (text ?? readFileSync(file, 'utf8'))
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
  const found = new Set()
  for (const match of source.matchAll(IMPORT_SOURCES)) {
    const target = resolveLocal(match[1] ?? match[2] ?? match[3], file)
    if (target) found.add(target)
  }
  return [...found]
}

function cachedImports(file) {
  const mtime = statSync(file).mtimeMs
  const hit = importsCache.get(file)
  if (hit && hit.mtime === mtime) return hit.imports
  const imports = localImports(file)
  importsCache.set(file, { mtime, imports })
  return imports
}

/** The chain from `start` back to `target` (depth-first over local imports), or null when there is none. */
export function pathBack(start, target) {
  const seen = new Set()
  const stack = [[start, [start]]]
  while (stack.length) {
    const [file, chain] = stack.pop()
    if (file === target) return chain
    if (seen.has(file)) continue
    seen.add(file)
    for (const next of cachedImports(file)) stack.push([next, [...chain, next]])
  }
  return null
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'No import cycles among local modules, counting type-only imports.' },
    schema: [],
    messages: { cycle: 'Import cycle (type-only imports count): {{chain}}. Move the shared types into one module.' }
  },
  create(context) {
    const file = context.physicalFilename
    if (!file || file === '<text>') return {}
    const check = (node) => {
      const specifier = node.source && node.source.value
      if (typeof specifier !== 'string') return
      const target = resolveLocal(specifier, file)
      if (!target || target === file) return
      const chain = pathBack(target, file)
      if (chain) {
        const root = context.cwd ?? process.cwd()
        context.report({
          node,
          messageId: 'cycle',
          data: { chain: [file, ...chain].map((p) => relative(root, p)).join(' → ') }
        })
      }
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check
    }
  }
}

export default { rules: { 'no-import-cycle': rule } }
