// Real platform exports, read in place (never copied): every date, amount, e-mail and status in them must normalize.
import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { parseCsv } from '../workbook/csv'
import { parseDateTime, detectDateOrder } from './dates'
import { parseMoney, formatMoney2 } from './money'
import { parseEmail } from './text'
import { parseCurrency } from './currency'
import { matchEnumValue } from './value-synonyms'
import { PUBLIC_SAMPLES_DIR, hasPublicSamples } from '../../../test/public-samples'

function column(file: string, name: string): string[] {
  const records = parseCsv(readFileSync(`${PUBLIC_SAMPLES_DIR}/${file}`, 'utf8'), ',')
  const at = records[0].fields.indexOf(name)
  if (at < 0) throw new Error(`no column ${name} in ${file}`)
  return records
    .slice(1)
    .map((r) => r.fields[at] ?? '')
    .filter((v) => v.trim() !== '')
}

describe.skipIf(!hasPublicSamples)('Shopify orders export', () => {
  const file = 'shopify-orders-export.csv'
  it.each(['Paid at', 'Created at', 'Fulfilled at'])('every "%s" value parses to UTC', (name) => {
    const values = column(file, name)
    expect(values.length).toBeGreaterThan(0)
    for (const v of values) {
      const r = parseDateTime(v, { timezone: 'Asia/Taipei' })
      expect(r.ok, v).toBe(true)
      // the offset in the text wins over the session zone: same instant whatever the zone
      expect(parseDateTime(v, { timezone: 'America/New_York' })).toEqual(r)
    }
    expect(parseDateTime('2025-05-11 09:55:16 -0400', { timezone: 'Asia/Taipei' })).toEqual({
      ok: true,
      value: '2025-05-11T13:55:16Z'
    })
  })
  it.each(['Subtotal', 'Total', 'Lineitem price'])('every "%s" value is an amount', (name) => {
    for (const v of column(file, name)) {
      const r = parseMoney(v)
      expect(r.ok && formatMoney2(r.value), v).toBe(Number(v).toFixed(2))
    }
  })
  it('currencies and financial statuses', () => {
    for (const v of column(file, 'Currency')) expect(parseCurrency(v).ok, v).toBe(true)
    const statuses = new Set(column(file, 'Financial Status'))
    for (const v of statuses)
      expect(['paid', 'pending', 'refunded', 'cancelled', null], v).toContain(matchEnumValue('status', v))
    expect(matchEnumValue('status', 'paid')).toBe('paid')
  })
})

describe.skipIf(!hasPublicSamples)('WooCommerce orders export', () => {
  const file = 'woocommerce-orders-export-webtoffee-sample.csv'
  it('order_date is dd-mm-yyyy: the column order is detected and every value parses', () => {
    const values = column(file, 'order_date')
    expect(detectDateOrder(values)).toBe('dmy')
    for (const v of values) expect(parseDateTime(v, { timezone: 'Asia/Taipei', order: 'dmy' }).ok, v).toBe(true)
    expect(parseDateTime('16-05-2018 07:32:06', { timezone: 'Asia/Taipei', order: 'dmy' })).toEqual({
      ok: true,
      value: '2018-05-15T23:32:06Z'
    })
  })
  it('amounts, e-mails and statuses', () => {
    for (const v of column(file, 'order_total')) expect(parseMoney(v).ok, v).toBe(true)
    for (const v of column(file, 'customer_email')) expect(parseEmail(v).ok, v).toBe(true)
    const statuses = [...new Set(column(file, 'status'))]
    expect(statuses.length).toBeGreaterThan(1)
    for (const v of statuses) expect(matchEnumValue('status', v), v).not.toBeNull()
  })
})
