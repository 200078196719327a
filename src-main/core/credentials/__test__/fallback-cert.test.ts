import { describe, it, expect } from 'vitest'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { FALLBACK_CERT, FALLBACK_KEY } from './fallback-cert'
import { describeNetworkFailure } from '../messages'

describe('the stored fallback certificate', () => {
  it('serves HTTPS and is rejected as untrusted (TLS problem)', async () => {
    const server = https.createServer({ key: FALLBACK_KEY, cert: FALLBACK_CERT }, (_q, res) => res.end('{}'))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const { port } = server.address() as AddressInfo
    try {
      const err = await fetch(`https://127.0.0.1:${port}/v1`).then(
        () => null,
        (e: unknown) => e
      )
      expect(describeNetworkFailure(err).kind).toBe('tls')
    } finally {
      await new Promise<void>((r) => server.close(() => r()))
    }
  })
})
