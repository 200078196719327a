// The app's lazily started rehearsal server: one start for concurrent users, a failed start is retried, close stops it.
import { describe, expect, it } from 'vitest'
import { startSandbox } from '../../src-main/sandbox'
import { createRehearsalServer } from '../../src-main/services/rehearsal'

describe('createRehearsalServer', () => {
  it('starts one real server for concurrent callers and stops it on close', async () => {
    let starts = 0
    const server = createRehearsalServer(() => {
      starts++
      return startSandbox({ port: 0 })
    })
    expect(server.url()).toBeNull()
    const urls = await Promise.all([server.ensure(), server.ensure(), server.ensure()])
    expect(starts).toBe(1)
    expect(new Set(urls).size).toBe(1)
    expect(server.url()).toBe(urls[0])
    const res = await fetch(`${urls[0]}/zangsho/v1/customers?per_page=1`, {
      headers: { Authorization: 'Bearer rehearsal' }
    })
    expect(res.status).toBe(200)
    await server.close()
    expect(server.url()).toBeNull()
    await expect(fetch(`${urls[0]}/zangsho/v1/customers`)).rejects.toThrow()
    // a later use starts a fresh one
    const again = await server.ensure()
    expect(starts).toBe(2)
    await server.close()
    await expect(fetch(`${again}/zangsho/v1/customers`)).rejects.toThrow()
  })

  it('retries after a failed start instead of remembering the failure', async () => {
    let attempts = 0
    const server = createRehearsalServer(async () => {
      attempts++
      if (attempts === 1) throw new Error('port in use')
      return startSandbox({ port: 0 })
    })
    await expect(server.ensure()).rejects.toThrow('port in use')
    expect(server.url()).toBeNull()
    expect(await server.ensure()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(attempts).toBe(2)
    await server.close()
  })

  it('close before any use does nothing', async () => {
    let starts = 0
    const server = createRehearsalServer(() => {
      starts++
      return startSandbox({ port: 0 })
    })
    await server.close()
    expect(starts).toBe(0)
  })
})
