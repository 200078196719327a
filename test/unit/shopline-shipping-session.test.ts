// The SHOPLINE shipping choice is a prepare setting saved with the session: set over the contract, kept across a restart.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { PrepareView, Result, WorkbookView } from '../../src-main/ipc/contract'
import { createServices, type OrderDockServices } from '../../src-main/services'
import { dispatch } from '../../src-main/services/dispatch'

const root = mkdtempSync(join(tmpdir(), 'orderdock-shipping-'))
const make = () =>
  createServices({
    dataDir: join(root, 'data'),
    fetch,
    now: () => new Date('2026-01-09T00:00:00Z'),
    resourcesDir: join(root, 'resources')
  })
let services: OrderDockServices = make()

async function call<T>(method: string, args: unknown): Promise<Result<T>> {
  return (await dispatch(services.methods, method, args)) as Result<T>
}
async function value<T>(method: string, args: unknown): Promise<T> {
  const result = await call<T>(method, args)
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`)
  return result.value
}

afterAll(async () => {
  await services.dispose?.()
  rmSync(root, { recursive: true, force: true })
})

describe('shipping choice', () => {
  it('defaults to a line, is saved with the session and survives a restart; a bad mode is refused', async () => {
    const csv = ['訂單編號,Email,商品名稱,單價,運費,訂單總額', 'S-1,a@example.com,茶葉,600,60,660'].join('\n')
    const wb = await value<WorkbookView>('workbook.open', { name: 'orders.csv', bytes: new TextEncoder().encode(csv) })
    const prep = await value<PrepareView>('prepare.start', { sessionId: wb.sessionId, target: 'shopline.orders' })
    expect(prep.shipping).toEqual({ mode: 'as-line' })
    expect(prep.mapping).toMatchObject({ shipping_fee: { column: '運費' } })
    const set = await value<PrepareView>('prepare.setOptions', {
      prepId: prep.prepId,
      shipping: { mode: 'in-remarks' }
    })
    expect(set.shipping).toEqual({ mode: 'in-remarks' })
    expect(await call('prepare.setOptions', { prepId: prep.prepId, shipping: { mode: 'both' } })).toMatchObject({
      ok: false,
      error: { code: 'bad_args' }
    })
    await value<PrepareView>('prepare.setOptions', {
      prepId: prep.prepId,
      shipping: { mode: 'as-line', lineName: '宅配運費' }
    })
    await services.dispose?.()
    services = make()
    const restored = await value<{ prep: PrepareView }>('sessions.restore', { id: prep.prepId })
    expect(restored.prep.shipping).toEqual({ mode: 'as-line', lineName: '宅配運費' })
  })
})
