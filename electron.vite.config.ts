import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

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
    plugins: [react()]
  }
})
