// The OrderDock logo, drawn from signed distance functions so every edge is anti-aliased:
// a spreadsheet sliding into a dock (tray) with an arrow, on a calm teal rounded square.

const clamp01 = (v) => (v < 0 ? 0 : v > 1 ? 1 : v)
const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255)

function sdRoundRect(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r
  const qy = Math.abs(y - cy) - hh + r
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
}

function sdSegment(x, y, ax, ay, bx, by, halfWidth) {
  const pax = x - ax
  const pay = y - ay
  const bax = bx - ax
  const bay = by - ay
  const h = clamp01((pax * bax + pay * bay) / (bax * bax + bay * bay))
  return Math.hypot(pax - bax * h, pay - bay * h) - halfWidth
}

// Convex polygon given clockwise in screen coordinates (y down): the largest signed edge distance.
function sdConvex(x, y, points) {
  let d = -Infinity
  for (let i = 0; i < points.length; i++) {
    const [ax, ay] = points[i]
    const [bx, by] = points[(i + 1) % points.length]
    const ex = bx - ax
    const ey = by - ay
    const len = Math.hypot(ex, ey)
    d = Math.max(d, ((x - ax) * ey - (y - ay) * ex) / len)
  }
  return d
}

const BG_TOP = hex('#2f8f86')
const BG_BOTTOM = hex('#1c4a63')
const SHEET = hex('#ffffff')
const HEADER = hex('#cfeae3')
const GRID = hex('#a9cfc7')
const CELL = hex('#7fb6ac')
const TRAY = hex('#f3b944')
const TRAY_SLOT = hex('#a8711a')
const ARROW = hex('#1f6470')

const sheet = (x, y) => sdRoundRect(x, y, 512, 420, 196, 200, 30)
const tray = (x, y) => sdRoundRect(x, y, 512, 714, 286, 102, 56)
const arrowShape = (x, y) =>
  Math.min(
    sdSegment(x, y, 512, 470, 512, 600, 30),
    sdConvex(x, y, [
      [418, 588],
      [606, 588],
      [512, 690]
    ]) - 6
  )

/** Layers painted in order; each has an area of interest, a distance function, a colour and an opacity. */
const LAYERS = [
  // soft shadow under the body, like macOS icons have
  {
    box: [70, 90, 954, 974],
    sd: (x, y) => sdRoundRect(x, y, 512, 526, 412, 412, 184),
    color: () => [0, 0, 0],
    alpha: 0.28,
    soft: 22
  },
  {
    box: [100, 100, 924, 924],
    sd: (x, y) => sdRoundRect(x, y, 512, 512, 412, 412, 184),
    color: (_x, y) => {
      const t = clamp01((y - 100) / 824)
      return BG_TOP.map((c, i) => c + (BG_BOTTOM[i] - c) * t)
    },
    alpha: 1
  },
  {
    box: [290, 200, 734, 640],
    sd: (x, y) => sdRoundRect(x, y, 512, 430, 196, 200, 30),
    color: () => [0, 0, 0],
    alpha: 0.22,
    soft: 14
  },
  { box: [310, 214, 714, 626], sd: sheet, color: () => SHEET, alpha: 1 },
  { box: [310, 214, 714, 310], sd: (x, y) => Math.max(sheet(x, y), y - 296), color: () => HEADER, alpha: 1 },
  // grid: a header rule, row rules and two column rules, clipped to the sheet
  ...[296, 376, 456, 536].map((gy) => ({
    box: [310, gy - 8, 714, gy + 8],
    sd: (x, y) => Math.max(sheet(x, y), Math.abs(y - gy) - 4),
    color: () => GRID,
    alpha: 1
  })),
  ...[444, 580].map((gx) => ({
    box: [gx - 8, 214, gx + 8, 626],
    sd: (x, y) => Math.max(sheet(x, y), Math.abs(x - gx) - 4),
    color: () => GRID,
    alpha: 1
  })),
  // placeholder "values" in the first column rows
  ...[336, 416].map((cy) => ({
    box: [340, cy - 16, 424, cy + 16],
    sd: (x, y) => sdRoundRect(x, y, 382, cy, 34, 10, 10),
    color: () => CELL,
    alpha: 1
  })),
  { box: [210, 596, 814, 832], sd: tray, color: () => TRAY, alpha: 1 },
  {
    box: [270, 604, 754, 650],
    sd: (x, y) => sdRoundRect(x, y, 512, 628, 226, 14, 14),
    color: () => TRAY_SLOT,
    alpha: 1
  },
  // the arrow: a white halo so it reads on both the sheet and the tray, then the arrow itself
  { box: [380, 420, 644, 730], sd: (x, y) => arrowShape(x, y) - 14, color: () => SHEET, alpha: 1 },
  { box: [380, 420, 644, 730], sd: arrowShape, color: () => ARROW, alpha: 1 }
]

/** Renders the logo into straight-alpha RGBA bytes at the 1024 px master size. */
export function drawLogo(size = 1024) {
  const scale = 1024 / size
  const premul = new Float32Array(size * size * 4)
  for (const layer of LAYERS) {
    const [x0, y0, x1, y1] = layer.box.map((v) => v / scale)
    for (let py = Math.max(0, Math.floor(y0)); py < Math.min(size, Math.ceil(y1)); py++) {
      for (let px = Math.max(0, Math.floor(x0)); px < Math.min(size, Math.ceil(x1)); px++) {
        const x = (px + 0.5) * scale
        const y = (py + 0.5) * scale
        const d = layer.sd(x, y) / scale
        const cover = layer.soft ? clamp01(0.5 - d / (layer.soft / scale)) ** 2 : clamp01(0.5 - d)
        const a = cover * layer.alpha
        if (a <= 0) continue
        const [r, g, b] = layer.color(x, y)
        const i = (py * size + px) * 4
        premul[i] = r * a + premul[i] * (1 - a)
        premul[i + 1] = g * a + premul[i + 1] * (1 - a)
        premul[i + 2] = b * a + premul[i + 2] * (1 - a)
        premul[i + 3] = a + premul[i + 3] * (1 - a)
      }
    }
  }
  return premul
}

/** Area-average downsampling of premultiplied pixels (correct edges at any ratio, no halo). */
export function downsample(premul, from, to) {
  const out = new Float32Array(to * to * 4)
  const ratio = from / to
  for (let ty = 0; ty < to; ty++) {
    const sy0 = ty * ratio
    const sy1 = sy0 + ratio
    for (let tx = 0; tx < to; tx++) {
      const sx0 = tx * ratio
      const sx1 = sx0 + ratio
      const acc = [0, 0, 0, 0]
      for (let sy = Math.floor(sy0); sy < Math.ceil(sy1); sy++) {
        const wy = Math.min(sy + 1, sy1) - Math.max(sy, sy0)
        for (let sx = Math.floor(sx0); sx < Math.ceil(sx1); sx++) {
          const w = wy * (Math.min(sx + 1, sx1) - Math.max(sx, sx0))
          const i = (sy * from + sx) * 4
          for (let c = 0; c < 4; c++) acc[c] += premul[i + c] * w
        }
      }
      const o = (ty * to + tx) * 4
      for (let c = 0; c < 4; c++) out[o + c] = acc[c] / (ratio * ratio)
    }
  }
  return out
}

/** Premultiplied floats to straight-alpha bytes, as PNG stores them. */
export function toRgbaBytes(premul) {
  const bytes = Buffer.alloc(premul.length)
  for (let i = 0; i < premul.length; i += 4) {
    const a = premul[i + 3]
    bytes[i + 3] = Math.round(clamp01(a) * 255)
    for (let c = 0; c < 3; c++) bytes[i + c] = a > 0 ? Math.round(clamp01(premul[i + c] / a) * 255) : 0
  }
  return bytes
}
