// The two APIs behind the destinations: what every destination on one API shares (pacing, connection test).
import type { TargetService } from './types'

/** 帳獸: no documented rate window; one request a second is polite. The connection test counts customers. */
export const ZANGSHO_SERVICE: TargetService = {
  api: 'zangsho',
  name: '帳獸',
  defaultMinIntervalMs: 1000,
  rateWindows: [],
  connectionTest: { path: '/customers?per_page=1', countsCustomers: true }
}

/** SHOPLINE: 20 requests/s per token and 1000 per 5 minutes per IP; keep a little under both. */
export const SHOPLINE_SERVICE: TargetService = {
  api: 'shopline',
  name: 'SHOPLINE',
  defaultMinIntervalMs: 334,
  rateWindows: [
    { max: 18, windowMs: 1000 },
    { max: 950, windowMs: 300_000 }
  ],
  connectionTest: { path: '/delivery_options?per_page=1', countsCustomers: false }
}
