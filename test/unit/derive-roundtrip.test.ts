// Derive entries survive every schema that validates a mapping: templates, sessions, the IPC contract, CLI mapping files.
import { describe, expect, it } from 'vitest'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTemplateStore } from '../../src-main/core/workspace/templates'
import { createSessionStore } from '../../src-main/core/workspace/session-store'
import { prepareMethodArgs } from '../../src-main/ipc/prepare-contract'
import { readMappingFile } from '../../src-main/cli/prepare-file'
import type { Mapping } from '../../src-main/core/mapping/types'

const HEADERS = ['Email', '每次授權金額', '週期單位', '週期', '訂單狀態', '付款方式', '小計', '運費', '折扣']
const MAPPING: Mapping = {
  customer_email: { column: 'Email' },
  billing_cycle: { derive: { kind: 'billing_cycle', unitColumn: '週期單位', frequencyColumn: '週期' } },
  mrr: {
    derive: { kind: 'monthly_amount', amountColumn: '每次授權金額', unitColumn: '週期單位', frequencyColumn: '週期' }
  }
}
const ORDER_MAPPING: Mapping = {
  amount: { derive: { kind: 'sum', add: ['小計', '運費'], subtract: ['折扣'] } },
  status: {
    derive: {
      kind: 'status_by_payment',
      statusColumn: '訂單狀態',
      paymentColumn: '付款方式',
      rules: [
        { status: ['待出貨'], payment: ['貨到付款'], result: 'pending' },
        { status: ['待出貨'], result: 'paid' }
      ]
    }
  }
}

describe('derive entries round-trip', () => {
  it('templates: saved, read back after a restart, columns re-spelled for the file at hand', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'od-derive-tpl-'))
    await createTemplateStore(dir).save({
      name: '綠界定期定額',
      headers: HEADERS,
      target: 'zangsho.subscriptions',
      mapping: MAPPING,
      valueMatches: {},
      dateOrder: {}
    })
    const found = await createTemplateStore(dir).findFor(HEADERS, 'zangsho.subscriptions')
    expect(found?.mapping).toEqual(MAPPING)
    const respelled = await createTemplateStore(dir).findFor(
      HEADERS.map((h) => (h === '週期單位' ? ' 週期單位 ' : h === 'Email' ? 'EMAIL' : h)),
      'zangsho.subscriptions'
    )
    expect(respelled?.mapping.mrr).toEqual({
      derive: {
        kind: 'monthly_amount',
        amountColumn: '每次授權金額',
        unitColumn: ' 週期單位 ',
        frequencyColumn: '週期'
      }
    })
  })

  it('sessions: saved and loaded with the derive entries intact', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'od-derive-ses-'))
    const store = createSessionStore(dir)
    const s = await store.create({ name: 'a.csv', bytes: new TextEncoder().encode(HEADERS.join(',') + '\n') })
    await store.save({ ...s, target: 'zangsho.orders', mapping: { ...MAPPING, ...ORDER_MAPPING } })
    expect((await createSessionStore(dir).load(s.id))?.mapping).toEqual({ ...MAPPING, ...ORDER_MAPPING })
  })

  it('the IPC contract accepts derive entries and rejects malformed ones', () => {
    const args = prepareMethodArgs['prepare.setMapping']
    expect(args.parse({ prepId: 'p', mapping: { ...MAPPING, ...ORDER_MAPPING } }).mapping).toEqual({
      ...MAPPING,
      ...ORDER_MAPPING
    })
    expect(
      args.safeParse({ prepId: 'p', mapping: { mrr: { derive: { kind: 'monthly_amount', amountColumn: 'x' } } } })
        .success
    ).toBe(false)
    expect(args.safeParse({ prepId: 'p', mapping: { mrr: { derive: { kind: 'guess' } } } }).success).toBe(false)
    expect(
      args.safeParse({ prepId: 'p', mapping: { amount: { derive: { kind: 'sum', add: [], subtract: [] } } } }).success
    ).toBe(false)
  })

  it('CLI --mapping files: a validate --json mapping with derive entries is read back as is', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'od-derive-cli-'))
    const file = join(dir, 'mapping.json')
    await writeFile(file, JSON.stringify({ mapping: ORDER_MAPPING }))
    expect(await readMappingFile(file)).toEqual({ ok: true, mapping: ORDER_MAPPING, valueMatches: {} })
    await writeFile(file, JSON.stringify({ amount: { derive: { kind: 'sum', add: ['小計'] } } }))
    expect((await readMappingFile(file)).ok).toBe(false)
  })
})
