// Cell values named like Object.prototype members go through v8.serialize (Electron's structured clone), not JSON,
// which would silently drop a function and hide the bug.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PrepareView, Result, WorkbookView } from '../../src-main/ipc/contract'
import { createServices, type OrderDockServices } from '../../src-main/services'
import { dispatch } from '../../src-main/services/dispatch'

let root: string
let services: OrderDockServices

const CSV = [
  '訂單編號,金額,Email,付款狀態',
  'P1,100,a@example.com,constructor',
  'P2,100,b@example.com,toString',
  'P3,100,c@example.com,__proto__',
  'P4,100,d@example.com,hasOwnProperty'
].join('\n')

/** What ipcMain.handle does to a result before the renderer sees it. */
async function cloned<T>(method: string, args: unknown): Promise<T> {
  const result = (await dispatch(services.methods, method, args)) as Result<T>
  const copy = deserialize(serialize(result)) as Result<T>
  if (!copy.ok) throw new Error(`${method}: ${JSON.stringify(copy.error)}`)
  return copy.value
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'orderdock-proto-'))
  services = createServices({
    dataDir: join(root, 'data'),
    fetch,
    now: () => new Date('2026-01-09T00:00:00Z'),
    resourcesDir: join(root, 'resources')
  })
})
afterAll(async () => {
  await services.dispose?.()
  rmSync(root, { recursive: true, force: true })
})

describe('prototype names as cell values', () => {
  it('list, match and clone like any other value', async () => {
    const wb = await cloned<WorkbookView>('workbook.open', { name: 'proto.csv', bytes: new TextEncoder().encode(CSV) })
    const prep = await cloned<PrepareView>('prepare.start', { sessionId: wb.sessionId, target: 'zangsho.orders' })
    const values = prep.valueLists.find((l) => l.field === 'status')!.values
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(values.find((v) => v.value === name)).toEqual({
        value: name,
        count: 1,
        suggested: null,
        match: null,
        chosen: false
      })
    }
    const after = await cloned<PrepareView>('prepare.setValueMatch', {
      prepId: prep.prepId,
      field: 'status',
      value: '__proto__',
      match: 'paid'
    })
    const again = await cloned<PrepareView>('prepare.setValueMatch', {
      prepId: prep.prepId,
      field: 'status',
      value: 'constructor',
      match: 'failed'
    })
    expect(after.valueLists[0].values.find((v) => v.value === '__proto__')).toMatchObject({
      match: 'paid',
      chosen: true
    })
    const list = again.valueLists.find((l) => l.field === 'status')!.values
    expect(list.find((v) => v.value === '__proto__')).toMatchObject({ match: 'paid', chosen: true })
    expect(list.find((v) => v.value === 'constructor')).toMatchObject({ match: 'failed', chosen: true })
    expect(list.find((v) => v.value === 'toString')).toMatchObject({ match: null, chosen: false })
  })
})
