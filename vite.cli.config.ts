// `orderdock` on the command line, compiled: src-main/cli.ts and the parse worker into out/cli/ as Node ESM, so the CLI
// starts with plain `node` (no tsx at run time). Packages stay external (they are the package's dependencies).
import { builtinModules } from 'node:module'
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

export default defineConfig({
  // no .env, no public/ copying: this is a Node program
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    target: 'node20',
    outDir: resolve(import.meta.dirname, 'out/cli'),
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    rollupOptions: {
      input: {
        cli: resolve(import.meta.dirname, 'src-main/cli.ts'),
        // open.ts looks for parse.worker.js next to its own chunk or one folder up
        'parse.worker': resolve(import.meta.dirname, 'src-main/core/workbook/parse.worker.ts')
      },
      external: [...builtinModules, /^node:/],
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' }
    }
  },
  ssr: { target: 'node' }
})
