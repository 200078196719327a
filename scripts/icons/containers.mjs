// ICO and ICNS containers whose entries are PNG files (Windows Vista+ and macOS 10.7+ read PNG entries).

/** Windows .ico: a 6-byte header, one 16-byte directory entry per image, then the PNG bytes. */
export function packIco(entries) {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0) // reserved
  header.writeUInt16LE(1, 2) // type 1 = icon
  header.writeUInt16LE(entries.length, 4)
  const directory = Buffer.alloc(16 * entries.length)
  let offset = header.length + directory.length
  entries.forEach(({ size, png }, i) => {
    const at = i * 16
    directory[at] = size >= 256 ? 0 : size // 0 means 256
    directory[at + 1] = size >= 256 ? 0 : size
    directory[at + 2] = 0 // no palette
    directory[at + 3] = 0
    directory.writeUInt16LE(1, at + 4) // colour planes
    directory.writeUInt16LE(32, at + 6) // bits per pixel
    directory.writeUInt32LE(png.length, at + 8)
    directory.writeUInt32LE(offset, at + 12)
    offset += png.length
  })
  return Buffer.concat([header, directory, ...entries.map((e) => e.png)])
}

/** Which ICNS chunk type holds a PNG of a given pixel size (retina types reuse the same pixels). */
export const ICNS_TYPES = [
  { type: 'ic11', size: 32 }, // 16@2x
  { type: 'ic12', size: 64 }, // 32@2x
  { type: 'ic07', size: 128 },
  { type: 'ic13', size: 256 }, // 128@2x
  { type: 'ic08', size: 256 },
  { type: 'ic14', size: 512 }, // 256@2x
  { type: 'ic09', size: 512 },
  { type: 'ic10', size: 1024 } // 512@2x
]

/** macOS .icns: 'icns' + total length, then chunks of type + length (header included) + PNG bytes. */
export function packIcns(pngBySize) {
  const chunks = ICNS_TYPES.map(({ type, size }) => {
    const png = pngBySize.get(size)
    if (!png) throw new Error(`icns needs a ${size}px PNG for ${type}`)
    const head = Buffer.alloc(8)
    head.write(type, 0, 'latin1')
    head.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([head, png])
  })
  const body = Buffer.concat(chunks)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'latin1')
  head.writeUInt32BE(body.length + 8, 4)
  return Buffer.concat([head, body])
}
