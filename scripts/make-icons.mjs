// Generates every app icon from the one procedural logo: PNGs (Linux and the source), icon.ico and icon.icns.
// Run: node scripts/make-icons.mjs [outDir]   (default resources/icons/; the outputs are committed)
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { drawLogo, downsample, toRgbaBytes } from './icons/draw-logo.mjs'
import { encodePng } from './icons/png.mjs'
import { packIcns, packIco } from './icons/containers.mjs'

const MASTER = 1024
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024]
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
const ICNS_SIZES = [32, 64, 128, 256, 512, 1024]

const outDir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'icons')
const master = drawLogo(MASTER)
const pngBySize = new Map()
for (const size of new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_SIZES])) {
  const pixels = size === MASTER ? master : downsample(master, MASTER, size)
  pngBySize.set(size, encodePng(toRgbaBytes(pixels), size, size))
}

mkdirSync(join(outDir, 'png'), { recursive: true })
writeFileSync(join(outDir, 'icon.png'), pngBySize.get(1024))
writeFileSync(join(outDir, 'icon-512.png'), pngBySize.get(512))
writeFileSync(join(outDir, 'icon-256.png'), pngBySize.get(256))
// electron-builder reads a Linux icon folder by the "<w>x<h>.png" names
for (const size of LINUX_SIZES) writeFileSync(join(outDir, 'png', `${size}x${size}.png`), pngBySize.get(size))
writeFileSync(join(outDir, 'icon.ico'), packIco(ICO_SIZES.map((size) => ({ size, png: pngBySize.get(size) }))))
writeFileSync(join(outDir, 'icon.icns'), packIcns(pngBySize))
console.log(`icons written to ${outDir}`)
