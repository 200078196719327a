// Validation in steps (the app's progressive prepare): whatever the step size, the end state equals preparing the
// sheet in one go, including orders and duplicates whose rows fall in different steps, and edits made meanwhile.
import { describe, expect, it } from 'vitest'
import { createPreparation, createSteppedPreparation } from './prepare'
import { cell, tableOf } from './test-table'
import { settingsFor } from './test-settings'

const headers = ['單號', '金額', 'Email', '狀態']
const orders = settingsFor('zangsho.orders', {
  order_no: { column: '單號' },
  amount: { column: '金額' },
  customer_email: { column: 'Email' },
  status: { column: '狀態' }
})
const customers = settingsFor('zangsho.customers', { name: { column: '單號' }, email: { column: 'Email' } })

/** 40 rows: orders split over far-apart rows, a conflicting order, bad amounts, repeated e-mails, a blank row. */
function sheet() {
  const rows: string[][] = []
  for (let i = 0; i < 40; i++) {
    const no = `A-${i % 13}`
    const email = i % 17 === 0 ? 'dup@example.com' : `c${i % 13}@example.com`
    rows.push(i === 21 ? ['', '', '', ''] : [no, i % 9 === 0 ? 'oops' : String(100 + (i % 13)), email, ''])
  }
  rows[30][2] = 'other@example.com' // order A-4 now disagrees on its e-mail
  return tableOf(headers, rows)
}

function expectSame(a: ReturnType<typeof createPreparation>, b: ReturnType<typeof createPreparation>) {
  expect(a.records).toEqual(b.records)
  expect(a.issues).toEqual(b.issues)
  expect(a.summary()).toEqual(b.summary())
}

describe('createSteppedPreparation', () => {
  for (const [name, settings] of [
    ['grouped orders', orders],
    ['customers merged by e-mail', customers]
  ] as const) {
    for (const step of [1, 7, 40]) {
      it(`${name}, ${step} rows a step: the same records, issues and counts as one-shot`, () => {
        const stepped = createSteppedPreparation(sheet(), settings)
        expect(stepped.validated).toBe(0)
        let steps = 0
        while (!stepped.validateNext(step)) steps++
        expect(steps).toBe(Math.ceil(40 / step) - 1)
        expect(stepped.validated).toBe(40)
        const oneShot = createPreparation(sheet(), settings)
        // orders: bad amounts and a conflicting order; customers: one per e-mail, dup@ naming three different names
        if (settings === orders) expect(oneShot.summary().invalid).toBeGreaterThan(0)
        else {
          expect(oneShot.records).toHaveLength(15) // c0..c12, dup@, other@
          expect(oneShot.issues.some((i) => i.code === 'customer_value_differs')).toBe(true)
        }
        expectSame(stepped, oneShot)
      })
    }
  }

  it('the first rows are validated (their own rules) before the rest; later rows are not yet counted', () => {
    const stepped = createSteppedPreparation(sheet(), orders)
    stepped.validateNext(10)
    expect(stepped.issuesForRow(2).map((i) => i.code)).toContain('money_invalid') // row 2 = data row 0: 'oops'
    expect(stepped.issuesForRow(30)).toEqual([]) // not validated yet
    expect(stepped.summary().rows).toBe(10)
  })

  it('edits and exclusions made while validating are in the end state', () => {
    const stepped = createSteppedPreparation(sheet(), orders)
    stepped.validateNext(15)
    stepped.updateRow(3, ['A-1', '999', 'c1@example.com', ''].map(cell)) // validated already
    stepped.updateRow(35, ['A-9', '5', 'c9@example.com', ''].map(cell)) // not yet
    stepped.setExcluded(36, true)
    while (!stepped.validateNext(15));
    const edited = sheet()
    edited.rows[1].cells = ['A-1', '999', 'c1@example.com', ''].map(cell)
    edited.rows[33].cells = ['A-9', '5', 'c9@example.com', ''].map(cell)
    expectSame(stepped, createPreparation(edited, { ...orders, excludedRows: [36] }))
  })
})
