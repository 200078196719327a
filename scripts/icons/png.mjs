// Minimal PNG encoder (RGBA, 8 bits) on node:zlib: no image library is installed, and icons need nothing more.
import { deflateSync } from 'node:zlib'

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

/** CRC-32 as PNG chunks need it (ISO 3309, the same polynomial as zlib). */
export function crc32(bytes) {
  let c = 0xffffffff
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  out.write(type, 4, 'latin1')
  data.copy(out, 8)
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
  return out
}

function paeth(a, b, c) {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

// Per row, keep the filter whose output has the smallest sum of magnitudes (the usual PNG heuristic).
function filterRows(rgba, width, height) {
  const stride = width * 4
  const out = Buffer.alloc((stride + 1) * height)
  const candidate = Buffer.alloc(stride)
  for (let y = 0; y < height; y++) {
    const row = y * stride
    let bestType = 0
    let bestScore = Infinity
    let best = Buffer.alloc(stride)
    for (let type = 0; type < 5; type++) {
      let score = 0
      for (let x = 0; x < stride; x++) {
        const cur = rgba[row + x]
        const left = x >= 4 ? rgba[row + x - 4] : 0
        const up = y > 0 ? rgba[row - stride + x] : 0
        const upLeft = y > 0 && x >= 4 ? rgba[row - stride + x - 4] : 0
        const pred =
          type === 0 ? 0 : type === 1 ? left : type === 2 ? up : type === 3 ? (left + up) >> 1 : paeth(left, up, upLeft)
        const v = (cur - pred) & 0xff
        candidate[x] = v
        score += v < 128 ? v : 256 - v
      }
      if (score < bestScore) {
        bestScore = score
        bestType = type
        best = Buffer.from(candidate)
      }
    }
    out[y * (stride + 1)] = bestType
    best.copy(out, y * (stride + 1) + 1)
  }
  return out
}

/** Encodes straight (not premultiplied) RGBA pixels as a PNG file. */
export function encodePng(rgba, width, height) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // colour type RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  const idat = deflateSync(filterRows(rgba, width, height), { level: 9 })
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))])
}
