import { describe, it, expect } from 'vitest'
import { DateTime } from 'luxon'
import { parseDateTime, detectDateOrder, type DateOrder } from './dates'

const TPE = { timezone: 'Asia/Taipei' }

describe('parseDateTime: accepted text, Asia/Taipei (UTC+8, no DST)', () => {
  const cases: [string, string][] = [
    ['2025-05-11 09:55:16 -0400', '2025-05-11T13:55:16Z'], // Shopify export
    ['2026-01-09T08:00:00Z', '2026-01-09T08:00:00Z'],
    ['2026-01-09T08:00:00+08:00', '2026-01-09T00:00:00Z'],
    ['2026-01-09T08:00:00+0800', '2026-01-09T00:00:00Z'],
    ['2026-01-09T08:00:00.250+08:00', '2026-01-09T00:00:00.250Z'],
    ['2026-01-09T08:00:00.000Z', '2026-01-09T08:00:00Z'],
    ['2026-01-09 08:00 UTC', '2026-01-09T08:00:00Z'],
    ['2026-01-09 08:00 GMT+8', '2026-01-09T00:00:00Z'],
    ['2026-01-09T08:00:00', '2026-01-09T00:00:00Z'],
    ['2026-01-09', '2026-01-08T16:00:00Z'],
    ['2026/1/9 08:00', '2026-01-09T00:00:00Z'],
    ['2026/01/09 8:05:07', '2026-01-09T00:05:07Z'],
    ['2026.1.9', '2026-01-08T16:00:00Z'],
    ['20260109', '2026-01-08T16:00:00Z'],
    ['115/01/09', '2026-01-08T16:00:00Z'],
    ['115-1-9', '2026-01-08T16:00:00Z'],
    ['115.1.9 14:30', '2026-01-09T06:30:00Z'],
    ['民國115年1月9日', '2026-01-08T16:00:00Z'],
    ['中華民國115年1月9日', '2026-01-08T16:00:00Z'],
    ['民國 99/12/31', '2010-12-30T16:00:00Z'],
    ['99/12/31', '2010-12-30T16:00:00Z'],
    ['115年1月9日 下午3:05', '2026-01-09T07:05:00Z'],
    ['115年1月9日 上午12:05', '2026-01-08T16:05:00Z'],
    ['115年1月9日 下午12:05', '2026-01-09T04:05:00Z'],
    ['115年1月9日下午3點半', '2026-01-09T07:30:00Z'],
    ['2026年1月9日', '2026-01-08T16:00:00Z'],
    ['2026年1月9號 15時5分30秒', '2026-01-09T07:05:30Z'],
    ['2026/1/9(五) 10:00', '2026-01-09T02:00:00Z'],
    ['2026/1/9 星期五', '2026-01-08T16:00:00Z'],
    ['２０２６／１／９　０８：００', '2026-01-09T00:00:00Z'], // full-width
    ['  2026-01-09  ', '2026-01-08T16:00:00Z'],
    ['2026-01-09 3:05 PM', '2026-01-09T07:05:00Z'],
    ['2026/1/9 上午 08:00:00', '2026-01-09T00:00:00Z'], // zh-TW Windows Excel's default date-time text
    ['2026/1/9 下午 03:05:00', '2026-01-09T07:05:00Z'],
    ['2026/1/9 凌晨 1:00', '2026-01-08T17:00:00Z'],
    ['2026/1/9 晚上 9:00', '2026-01-09T13:00:00Z'],
    ['2026/1/9 中午 12:30', '2026-01-09T04:30:00Z'],
    ['2026-01-09 12:00 AM', '2026-01-08T16:00:00Z'],
    ['2026-01-09 下午15:05', '2026-01-09T07:05:00Z'], // 24-hour time with a redundant 下午 is still clear
    ['16-05-2018 07:32:06', '2018-05-15T23:32:06Z'], // WooCommerce dd-mm-yyyy, day > 12 shows the order
    ['05/16/2018', '2018-05-15T16:00:00Z'],
    ['1/1/2026', '2025-12-31T16:00:00Z'], // same day either order
    ['9 Jan 2026', '2026-01-08T16:00:00Z'],
    ['09-Jan-2026 08:00', '2026-01-09T00:00:00Z'],
    ['Jan 9, 2026 3:05 PM', '2026-01-09T07:05:00Z'],
    ['January 9th 2026', '2026-01-08T16:00:00Z'],
    ['Fri, 09 Jan 2026 08:00:00 +0000', '2026-01-09T08:00:00Z'],
    ['2024-02-29', '2024-02-28T16:00:00Z'] // leap day
  ]
  it.each(cases)('%s → %s', (input, expected) => {
    expect(parseDateTime(input, TPE)).toEqual({ ok: true, value: expected })
  })
})

describe('parseDateTime: rejected text', () => {
  const cases: [string | null | undefined, string][] = [
    ['2026-13-45', 'date_invalid'],
    ['2026-02-30', 'date_invalid'],
    ['2025-02-29', 'date_invalid'],
    ['115/02/30', 'date_invalid'],
    ['2026-01-09 24:00', 'date_invalid'],
    ['2026-01-09 13:00 AM', 'date_invalid'],
    ['2026-01-09 08:60', 'date_invalid'],
    ['1899-12-30T08:00:00', 'date_invalid'], // Excel's time-only cell: a time, not a date
    ['08:00', 'date_unrecognized'],
    ['26/1/9', 'date_unrecognized'],
    ['0001-01-01', 'date_invalid'],
    ['01/02/2026', 'date_ambiguous'],
    ['abc', 'date_unrecognized'],
    ['2026-01-09 oops', 'date_unrecognized'],
    ['2026/01', 'date_unrecognized'],
    ['Foo 9, 2026', 'date_unrecognized'],
    ['', 'empty'],
    ['   ', 'empty'],
    [null, 'empty'],
    [undefined, 'empty']
  ]
  it.each(cases)('%s → %s', (input, code) => {
    const r = parseDateTime(input, TPE)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.code).toBe(code)
      expect(r.message['zh-TW'].length).toBeGreaterThan(3)
      expect(r.message.en.length).toBeGreaterThan(3)
    }
  })

  it('names the value found in both languages', () => {
    const r = parseDateTime('2026-13-45', TPE)
    expect(r.ok || [r.message['zh-TW'], r.message.en].every((m) => m.includes('2026-13-45'))).toBe(true)
  })

  it('rejects an unknown time zone', () => {
    expect(parseDateTime('2026-01-09', { timezone: 'Mars/Base' })).toMatchObject({
      ok: false,
      code: 'timezone_invalid'
    })
  })
})

describe('parseDateTime: day/month order', () => {
  const cases: [string, DateOrder | undefined, string][] = [
    ['01/02/2026', 'dmy', '2026-02-01T00:00:00Z'],
    ['01/02/2026', 'mdy', '2026-01-02T00:00:00Z'],
    ['13/02/2026', undefined, '2026-02-13T00:00:00Z'],
    ['02/13/2026', undefined, '2026-02-13T00:00:00Z'],
    ['01/02/2026', 'ymd', 'date_ambiguous']
  ]
  it.each(cases)('%s with %s → %s', (input, order, expected) => {
    const r = parseDateTime(input, { timezone: 'UTC', order })
    expect(r.ok ? r.value : r.code).toBe(expected)
  })

  it('holds the chosen order: 13/02/2026 read as mdy is no real date', () => {
    expect(parseDateTime('13/02/2026', { timezone: 'UTC', order: 'mdy' })).toMatchObject({
      ok: false,
      code: 'date_invalid'
    })
  })
})

describe('parseDateTime: Excel cells', () => {
  const UTC = { timezone: 'UTC' }
  const serials: [number, string][] = [
    [46031, '2026-01-09T00:00:00Z'],
    [46031.5, '2026-01-09T12:00:00Z'],
    [46031.333333333336, '2026-01-09T08:00:00Z'], // 08:00 stored as a binary fraction
    [46031.99999999999, '2026-01-10T00:00:00Z'], // rounds to the next midnight, not 23:59:59.999
    [1, '1900-01-01T00:00:00Z'],
    [59, '1900-02-28T00:00:00Z'],
    [61, '1900-03-01T00:00:00Z'], // after the fictitious 1900-02-29
    [20260109, '2026-01-09T00:00:00Z'] // yyyymmdd typed as a number
  ]
  it.each(serials)('serial %s → %s', (n, expected) => {
    expect(parseDateTime(n, UTC)).toEqual({ ok: true, value: expected })
  })

  it('reads a serial in the session zone', () => {
    expect(parseDateTime(46031, TPE)).toEqual({ ok: true, value: '2026-01-08T16:00:00Z' })
    expect(parseDateTime('46031', { ...TPE, kind: 'n' })).toEqual({ ok: true, value: '2026-01-08T16:00:00Z' })
  })

  it.each([60, 0, -1, 0.5, 1736380800, 1e12, Number.NaN, Number.POSITIVE_INFINITY, 2958466])(
    'rejects serial %s',
    (n) => {
      expect(parseDateTime(n, UTC)).toMatchObject({ ok: false, code: 'date_invalid' })
    }
  )

  it('reads a date cell (kind d) as wall clock in the zone', () => {
    expect(parseDateTime('2026-01-09T08:00:00', { ...TPE, kind: 'd' })).toEqual({
      ok: true,
      value: '2026-01-09T00:00:00Z'
    })
    expect(parseDateTime('2026-01-09T08:00:00.000', { timezone: 'America/New_York', kind: 'd' })).toEqual({
      ok: true,
      value: '2026-01-09T13:00:00Z'
    })
  })
})

describe('parseDateTime: DST zones (America/New_York)', () => {
  const NY = { timezone: 'America/New_York' }
  const cases: [string, string][] = [
    ['2026-01-09 08:00', '2026-01-09T13:00:00Z'], // EST, UTC-5
    ['2026-07-09 08:00', '2026-07-09T12:00:00Z'], // EDT, UTC-4
    ['2026-03-08 01:59', '2026-03-08T06:59:00Z'], // last minute before spring forward
    ['2026-03-08 03:00', '2026-03-08T07:00:00Z'],
    ['2026-03-08 02:30', '2026-03-08T07:30:00Z'], // does not exist: moved forward an hour, like Excel/Temporal
    ['2026-11-01 00:30', '2026-11-01T04:30:00Z'],
    ['2026-11-01 03:00', '2026-11-01T08:00:00Z'],
    ['2026-07-09 08:00 +08:00', '2026-07-09T00:00:00Z'] // an explicit offset wins over the zone
  ]
  it.each(cases)('%s → %s', (input, expected) => {
    expect(parseDateTime(input, NY)).toEqual({ ok: true, value: expected })
  })

  it('reads the repeated fall-back hour as one real instant', () => {
    const r = parseDateTime('2026-11-01 01:30', NY)
    expect(['2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z']).toContain(r.ok ? r.value : r.code)
  })
})

describe('detectDateOrder', () => {
  const cases: [string[], ReturnType<typeof detectDateOrder>][] = [
    [['16-05-2018 07:32:06', '01-05-2018 10:00:00'], 'dmy'],
    [['05/16/2018', '01/02/2018'], 'mdy'],
    [['01/02/2026', '03/04/2026'], 'ambiguous'],
    [['13/01/2026', '01/13/2026'], 'ambiguous'], // contradictory column: ask
    [['2026-01-09', '115/01/09', ''], null],
    [[], null]
  ]
  it.each(cases)('%j → %s', (values, expected) => {
    expect(detectDateOrder(values)).toBe(expected)
  })
})

describe('parseDateTime agrees with luxon on zone offsets', () => {
  const zones = [
    'Asia/Taipei',
    'America/New_York',
    'Europe/London',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'America/Sao_Paulo',
    'Pacific/Chatham'
  ]
  it.each(zones)('%s, every 7 h 13 min across 2015–2026 and around DST changes', (zone) => {
    let checked = 0
    for (let t = Date.UTC(2015, 0, 1); t < Date.UTC(2026, 11, 31); t += (7 * 60 + 13) * 60_000) {
      const w = new Date(t)
      const fields = {
        year: w.getUTCFullYear(),
        month: w.getUTCMonth() + 1,
        day: w.getUTCDate(),
        hour: w.getUTCHours(),
        minute: w.getUTCMinutes()
      }
      const text = `${fields.year}-${fields.month}-${fields.day} ${fields.hour}:${String(fields.minute).padStart(2, '0')}`
      const r = parseDateTime(text, { timezone: zone })
      if (!r.ok) throw new Error(`${text}: ${r.code}`)
      const lux = DateTime.fromObject(fields, { zone })
      const mine = DateTime.fromISO(r.value, { zone })
      const luxKeepsWall = lux.hour === fields.hour && lux.minute === fields.minute
      if (luxKeepsWall)
        expect([mine.year, mine.month, mine.day, mine.hour, mine.minute], text).toEqual([
          fields.year,
          fields.month,
          fields.day,
          fields.hour,
          fields.minute
        ])
      else expect(r.value, `${text} (in a DST gap)`).toBe(lux.toUTC().toISO({ suppressMilliseconds: true }))
      checked++
    }
    expect(checked).toBeGreaterThan(10_000)
  })
})
