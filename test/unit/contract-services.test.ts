// The Electron-free services behind the contract, on fixture files this test writes itself, through the same dispatch as IPC.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OrderDockEvent, Result, RowPage, SampleInfo, WorkbookView } from '../../src-main/ipc/contract'
import { createServices, type OrderDockServices } from '../../src-main/services'
import { dispatch } from '../../src-main/services/dispatch'

let root: string
let resourcesDir: string
let services: OrderDockServices
const events: OrderDockEvent[] = []

const HEADER = '訂單編號,客戶姓名,金額'
const csvRows = (n: number) =>
  Array.from({ length: n }, (_, i) => `A${String(i + 1).padStart(4, '0')},陳美麗${i + 1},${100 + i}`)

function twoSheetWorkbook(): Uint8Array {
  const book = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['說明'], ['請在「訂單」工作表填寫資料']]), '說明')
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([
      ['訂單匯出報表'],
      ['匯出時間 2026/01/09'],
      ['訂單編號', '客戶姓名', '金額'],
      ['B001', '王小明', 990],
      ['B002', '林志豪', 1990]
    ]),
    '訂單'
  )
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array
}

async function call<T>(method: string, args: unknown): Promise<Result<T>> {
  return (await dispatch(services.methods, method, args)) as Result<T>
}

async function value<T>(method: string, args: unknown): Promise<T> {
  const result = await call<T>(method, args)
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`)
  return result.value
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'orderdock-services-'))
  resourcesDir = join(root, 'resources')
  mkdirSync(join(resourcesDir, 'samples', 'nested.csv'), { recursive: true })
  writeFileSync(
    join(resourcesDir, 'samples', '訂單-big5.csv'),
    iconv.encode([HEADER, ...csvRows(3)].join('\r\n') + '\r\n', 'big5')
  )
  writeFileSync(join(resourcesDir, 'samples', 'two-sheets.xlsx'), twoSheetWorkbook())
  writeFileSync(join(resourcesDir, 'samples', 'README.txt'), 'not a spreadsheet')
  writeFileSync(join(root, 'secret.csv'), 'a,b\n1,2\n')
  services = createServices({
    dataDir: join(root, 'data'),
    fetch,
    now: () => new Date(),
    resourcesDir,
    appVersion: '1.2.3',
    platform: 'linux'
  })
  services.onEvent((event) => events.push(event))
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('app.info and language', () => {
  it('reports the app and that there is no native dialog without a picker', async () => {
    expect(await value('app.info', {})).toEqual({
      name: 'OrderDock',
      version: '1.2.3',
      platform: 'linux',
      canPickFiles: false,
      language: 'zh-TW'
    })
    expect(await value('app.setLanguage', { language: 'en' })).toEqual({ language: 'en' })
    expect(await value('app.info', {})).toMatchObject({ language: 'en' })
    expect(await call('app.setLanguage', { language: 'fr' })).toMatchObject({ ok: false, error: { code: 'bad_args' } })
    expect(await call('dialog.open', {})).toMatchObject({ ok: false, error: { code: 'unsupported' } })
  })
})

describe('samples', () => {
  it('lists only spreadsheet files, known samples first with descriptions in both languages', async () => {
    const samples = await value<SampleInfo[]>('samples.list', {})
    expect(samples.map((s) => s.name)).toEqual(['訂單-big5.csv', 'two-sheets.xlsx'])
    expect(samples[0]).toMatchObject({
      format: 'csv',
      description: { 'zh-TW': expect.stringContaining('Big5'), en: expect.stringContaining('Big5') }
    })
    expect(samples[0].bytes).toBeGreaterThan(0)
  })

  it('opens a listed sample and refuses anything else, including paths that escape the folder', async () => {
    const view = await value<WorkbookView>('samples.open', { name: '訂單-big5.csv' })
    expect(view.headers).toEqual(['訂單編號', '客戶姓名', '金額'])
    for (const name of ['../secret.csv', '../../resources/samples/訂單-big5.csv', 'README.txt', 'nested.csv']) {
      expect(await call('samples.open', { name })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    }
  })
})

describe('workbook.open, preview and pages', () => {
  it('opens dropped Big5 bytes with Chinese headers and names, and offers the encodings', async () => {
    const bytes = iconv.encode([HEADER, ...csvRows(5)].join('\n'), 'big5')
    const view = await value<WorkbookView>('workbook.open', { name: '訂單.csv', bytes })
    expect(view).toMatchObject({
      format: 'csv',
      encoding: 'big5',
      delimiter: ',',
      headerRow: 1,
      headers: ['訂單編號', '客戶姓名', '金額']
    })
    expect(view.preview.map((row) => row.rowNumber)).toEqual([2, 3, 4, 5, 6])
    expect(view.preview[0].cells.map((cell) => cell.w)).toEqual(['A0001', '陳美麗1', '100'])
    expect(view.encodings.map((e) => e.id)).toEqual(
      expect.arrayContaining(['utf-8', 'big5', 'shift_jis', 'gb18030', 'windows-1252'])
    )
    expect(view.encodings.find((e) => e.id === 'big5')?.label['zh-TW']).toContain('Big5')
  })

  it('re-reads live with another encoding, and back', async () => {
    const bytes = iconv.encode([HEADER, ...csvRows(2)].join('\n'), 'big5')
    const view = await value<WorkbookView>('workbook.open', { name: 'enc.csv', bytes })
    const asLatin = await value<WorkbookView>('workbook.preview', {
      sessionId: view.sessionId,
      encoding: 'windows-1252'
    })
    expect(asLatin.encoding).toBe('windows-1252')
    expect(asLatin.headers[0]).not.toBe('訂單編號')
    const back = await value<WorkbookView>('workbook.preview', { sessionId: view.sessionId, encoding: 'big5' })
    expect(back.headers[0]).toBe('訂單編號')
    expect(await call('workbook.preview', { sessionId: view.sessionId, encoding: 'klingon' })).toMatchObject({
      ok: false,
      error: { code: 'bad_encoding' }
    })
  })

  it('picks the data sheet under its title rows, switches sheet and header row', async () => {
    const view = await value<WorkbookView>('samples.open', { name: 'two-sheets.xlsx' })
    expect(view.sheets.map((s) => s.name)).toEqual(['說明', '訂單'])
    expect(view).toMatchObject({
      sheet: '訂單',
      headerRow: 3,
      headers: ['訂單編號', '客戶姓名', '金額'],
      encodings: []
    })
    expect(view.preview[0]).toMatchObject({ rowNumber: 4 })
    const other = await value<WorkbookView>('workbook.preview', { sessionId: view.sessionId, sheet: '說明' })
    expect(other.sheet).toBe('說明')
    expect(other.headers[0]).toBe('說明')
    const back = await value<WorkbookView>('workbook.preview', { sessionId: view.sessionId, sheet: '訂單' })
    expect(back.headerRow).toBe(3)
    const row4 = await value<WorkbookView>('workbook.preview', { sessionId: view.sessionId, headerRow: 4 })
    expect(row4.headerRow).toBe(4)
    expect(row4.headers).toEqual(['B001', '王小明', '990'])
    expect(row4.preview.map((r) => r.rowNumber)).toEqual([5])
    expect(await call('workbook.preview', { sessionId: view.sessionId, sheet: '不存在' })).toMatchObject({
      ok: false,
      error: { code: 'bad_sheet' }
    })
  })

  it('pages rows past the preview with Excel row numbers and the true total', async () => {
    const bytes = new TextEncoder().encode([HEADER, ...csvRows(250)].join('\n'))
    const view = await value<WorkbookView>('workbook.open', { name: 'many.csv', bytes })
    expect(view.preview).toHaveLength(view.previewLimit)
    const page = await value<RowPage>('rows.page', { sessionId: view.sessionId, offset: 200, limit: 100 })
    expect(page.total).toBe(250)
    expect(page.rows).toHaveLength(50)
    expect(page.rows[0]).toMatchObject({ rowNumber: 202 })
    expect(page.rows[0].cells[0].w).toBe('A0201')
    expect(await call('rows.page', { sessionId: view.sessionId, offset: 0, limit: 5000 })).toMatchObject({
      ok: false,
      error: { code: 'bad_args' }
    })
  })

  it('closes sessions, after which pages are refused with a clear code', async () => {
    const view = await value<WorkbookView>('workbook.open', {
      name: 'c.csv',
      bytes: new TextEncoder().encode('a,b\n1,2\n')
    })
    expect(await value('workbook.close', { sessionId: view.sessionId })).toEqual({ closed: true })
    expect(await call('rows.page', { sessionId: view.sessionId, offset: 0, limit: 10 })).toMatchObject({
      ok: false,
      error: { code: 'no_session' }
    })
  })

  it('reports a bad file as a typed error in both languages, naming the file', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')
    const result = await call('workbook.open', { name: 'invoice.xlsx', bytes: pdf })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(['unsupported', 'corrupt']).toContain(result.error.code)
    expect(result.error.file).toContain('invoice.xlsx')
    expect(result.error.messages?.['zh-TW']).toContain('invoice.xlsx')
    expect(result.error.messages?.en).toContain('invoice.xlsx')
    expect(await call('workbook.open', { name: 'empty.csv', bytes: new Uint8Array(0) })).toMatchObject({
      ok: false,
      error: { code: 'empty' }
    })
  })

  it('never opens a path the user did not choose through the OS', async () => {
    expect(await call('workbook.open', { path: join(root, 'secret.csv') })).toMatchObject({
      ok: false,
      error: { code: 'path_not_allowed' }
    })
  })
})

describe('files handed over by the OS', () => {
  it('emits opening then opened, and grants that path', async () => {
    events.length = 0
    const path = join(resourcesDir, 'samples', '訂單-big5.csv')
    await services.openFromOs(path)
    expect(events.map((e) => e.type)).toEqual(['workbook.opening', 'workbook.opened'])
    const opened = events[1]
    expect(opened.type === 'workbook.opened' && opened.view.headers[0]).toBe('訂單編號')
    expect(await call('workbook.open', { path })).toMatchObject({ ok: true })
  })

  it('emits open-failed with a typed error for a missing file', async () => {
    events.length = 0
    await services.openFromOs(join(root, 'missing.xlsx'))
    expect(events[1]).toMatchObject({ type: 'workbook.open-failed', error: { code: 'not_found' } })
  })

  it('dialog.open uses the injected picker and grants the chosen path', async () => {
    const picked = join(root, 'secret.csv')
    const withPicker = createServices({
      dataDir: root,
      fetch,
      now: () => new Date(),
      resourcesDir,
      pickFile: async () => picked
    })
    const seen: OrderDockEvent[] = []
    withPicker.onEvent((event) => seen.push(event))
    expect(await dispatch(withPicker.methods, 'app.info', {})).toMatchObject({
      ok: true,
      value: { canPickFiles: true }
    })
    expect(await dispatch(withPicker.methods, 'dialog.open', {})).toMatchObject({
      ok: true,
      value: { headers: ['a', 'b'] }
    })
    expect(seen).toEqual([{ type: 'workbook.opening', file: 'secret.csv' }])
    expect(await dispatch(withPicker.methods, 'workbook.open', { path: picked })).toMatchObject({ ok: true })
    const cancelled = createServices({
      dataDir: root,
      fetch,
      now: () => new Date(),
      resourcesDir,
      pickFile: async () => null
    })
    expect(await dispatch(cancelled.methods, 'dialog.open', {})).toEqual({ ok: true, value: null })
  })
})
