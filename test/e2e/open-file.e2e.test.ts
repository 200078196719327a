// The first screen in Debian's Chromium: the built renderer, the real services, the contract over the loopback bridge.
import { mkdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import iconv from 'iconv-lite'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './harness/browser'
import { startHarness, type Harness } from './harness/server'

// Browser-side globals used inside page.evaluate callbacks (the Node tsconfig has no DOM lib, on purpose).
declare const window: { __cspViolations?: string[] }
declare const document: {
  querySelector(selector: string): { textContent: string | null; dispatchEvent(event: DragEvent): boolean } | null
  documentElement: { lang: string }
}
declare class DataTransfer {
  items: { add(file: File): void }
}
declare class DragEvent {
  constructor(type: string, init: { bubbles: boolean; cancelable: boolean; dataTransfer: DataTransfer })
}

const repo = resolve(__dirname, '../..')
const samples = join(repo, 'resources/samples')
const shots = join(repo, 'test/e2e/screenshots')

let harness: Harness
let browser: Browser
let context: BrowserContext
let page: Page
const problems: string[] = []

// records CSP violations inside the page so the test can prove the strict policy never blocks the app
const CSP_WATCH = `document.addEventListener('securitypolicyviolation', (e) => {
  (window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective + ' ' + e.blockedURI)
})`

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(shots, name), fullPage: true })
}

async function dropFile(path: string, name: string): Promise<void> {
  const data = readFileSync(path).toString('base64')
  await page.evaluate(
    ({ name, data }) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
      const transfer = new DataTransfer()
      transfer.items.add(new File([bytes], name))
      const zone = document.querySelector('[data-testid="drop-zone"]')
      if (!zone) throw new Error('no drop zone')
      for (const type of ['dragenter', 'dragover', 'drop']) {
        zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }))
      }
    },
    { name, data }
  )
}

const headerTexts = () => page.locator('[data-testid="preview-table"] thead th').allInnerTexts()

beforeAll(async () => {
  mkdirSync(shots, { recursive: true })
  harness = await startHarness({ rendererDir: join(repo, 'out/renderer'), resourcesDir: join(repo, 'resources') })
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1280, height: 820 }, deviceScaleFactor: 1 })
  await context.addInitScript({ content: harness.initScript })
  await context.addInitScript({ content: CSP_WATCH })
  page = await context.newPage()
  page.setDefaultTimeout(20_000)
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  await page.goto(harness.url)
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await harness?.close()
})

describe('opening a file', () => {
  it('shows the first screen in Traditional Chinese with a drop zone, an Open button and the samples', async () => {
    await page.getByTestId('drop-zone').getByText('把檔案拖曳到這裡').waitFor()
    await expect(page.getByTestId('open-button').innerText()).resolves.toBe('選擇檔案…')
    await page.getByTestId('sample').first().waitFor()
    const names = await page
      .getByTestId('sample')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-name')))
    expect(names).toEqual(
      expect.arrayContaining(['訂單匯出-範例.xlsx', '訂單-big5.csv', 'orders-en.csv', 'customers.xlsx'])
    )
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-TW')
    await shot('01-open-screen.png')
  })

  it('renders a dropped Big5 CSV with its Chinese headers and names', async () => {
    const path = join(samples, '訂單-big5.csv')
    // the expected names come from decoding the file independently of the app
    const lines = iconv.decode(readFileSync(path), 'big5').split(/\r?\n/).filter(Boolean)
    const header = lines[0].split(',')
    const nameColumn = header.indexOf('客戶姓名')
    expect(nameColumn).toBeGreaterThan(-1)
    const expectedNames = lines.slice(1, 4).map((line) => line.split(',')[nameColumn])

    await dropFile(path, '訂單-big5.csv')
    await page.locator('[data-testid="preview-table"] thead th', { hasText: '訂單編號' }).waitFor()
    expect(await headerTexts()).toEqual(['1', ...header])
    const body = await page.getByTestId('preview-table').locator('tbody').innerText()
    for (const name of expectedNames) expect(body).toContain(name)
    expect(await page.getByTestId('file-name').innerText()).toBe('訂單-big5.csv')
    expect(await page.getByTestId('encoding-picker').inputValue()).toBe('big5')
    await shot('02-big5-preview.png')
  })

  it('switches the text encoding with a live preview', async () => {
    await page.getByTestId('encoding-picker').selectOption('windows-1252')
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="preview-table"] thead')?.textContent?.includes('訂單編號')
    )
    await page.getByTestId('encoding-picker').selectOption('big5')
    await page.locator('[data-testid="preview-table"] thead th', { hasText: '訂單編號' }).waitFor()
  })

  it('opens the xlsx sample on its data sheet, then switches the sheet and the header row', async () => {
    await page.getByTestId('open-another').click()
    await page.locator('[data-testid="sample"][data-name="訂單匯出-範例.xlsx"]').click()
    await page.locator('[data-testid="preview-table"] thead th', { hasText: '訂單編號' }).waitFor()
    const sheetPicker = page.getByTestId('sheet-picker')
    expect(await sheetPicker.inputValue()).toBe('訂單')
    const sheetOptions = await sheetPicker.locator('option').allInnerTexts()
    expect(sheetOptions).toHaveLength(2)
    expect(sheetOptions[0]).toMatch(/^說明（\d+ 列）$/)
    expect(await page.getByTestId('header-row-picker').inputValue()).toBe('3')
    expect(await page.getByTestId('encoding-picker').count()).toBe(0)
    await shot('03-xlsx-title-rows.png')

    await sheetPicker.selectOption('說明')
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="preview-table"] thead')?.textContent?.includes('訂單編號')
    )
    expect(await sheetPicker.inputValue()).toBe('說明')

    await sheetPicker.selectOption('訂單')
    await page.locator('[data-testid="preview-table"] thead th', { hasText: '訂單編號' }).waitFor()
    const firstDataRow = await page
      .locator('[data-testid="preview-table"] tbody tr')
      .first()
      .locator('td')
      .first()
      .innerText()

    await page.getByTestId('header-row-picker').selectOption('4')
    await page.waitForFunction(
      () => document.querySelector('[data-testid="preview-table"] thead th')?.textContent === '4'
    )
    const headers = await headerTexts()
    expect(headers[1]).toBe(firstDataRow)
    expect(headers).not.toContain('訂單編號')
    await shot('04-header-row-4.png')
  })

  it('switches the whole UI to English and remembers it', async () => {
    await page.getByTestId('lang-en').click()
    await page.getByText('Header row', { exact: true }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    await shot('05-english.png')
    await page.reload()
    await page.getByTestId('drop-zone').getByText('Drop a file here').waitFor()
    await page.getByTestId('lang-zh-TW').click()
    await page.getByTestId('drop-zone').getByText('把檔案拖曳到這裡').waitFor()
  })

  it('opens a file through the Open button’s file chooser', async () => {
    const chooser = page.waitForEvent('filechooser')
    await page.getByTestId('drop-zone').click()
    await (await chooser).setFiles(join(samples, 'orders-en.csv'))
    await page.locator('[data-testid="preview-table"] thead th', { hasText: 'Order No.' }).waitFor()
    expect(await page.getByTestId('encoding-picker').inputValue()).toBe('utf-8')
  })

  it('explains a bad file clearly and keeps working', async () => {
    await page.getByTestId('open-another').click()
    const fake = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n')
    await page.evaluate((data) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], '發票.xlsx'))
      document
        .querySelector('[data-testid="drop-zone"]')
        ?.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }))
    }, fake.toString('base64'))
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.innerText()).toContain('發票.xlsx')
    expect(['unsupported', 'corrupt']).toContain(await alert.getAttribute('data-code'))
    await shot('06-bad-file.png')
    await page.locator('[data-testid="sample"][data-name="customers.xlsx"]').click()
    await page.locator('[data-testid="preview-table"] thead th', { hasText: 'Email' }).waitFor()
    expect(await page.getByRole('alert').count()).toBe(0)
  })

  it('ran under the strict CSP without a single violation or page error', async () => {
    const violations = await page.evaluate(() => window.__cspViolations ?? [])
    expect(violations).toEqual([])
    expect(problems).toEqual([])
  })
})
