import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'

// `npm run dev` only: the dev server's inline React preamble, inline CSS and HMR socket need a looser <meta> CSP.
// The built index.html (npm start, packages, e2e) keeps the strict policy.
function devServerCsp(): Plugin {
  return {
    name: 'orderdock-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*")
  }
}

// Main and preload are Node bundles; the renderer is a plain web app that only sees window.orderdock.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/index.ts'),
          'parse.worker': resolve(__dirname, 'src-main/core/workbook/parse.worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(__dirname, 'src-main/preload.ts') },
        // sandboxed preloads cannot require() their own chunks: emit one CommonJS file
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    build: {
      rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') }
    },
    plugins: [react(), devServerCsp()]
  }
})
