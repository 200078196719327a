// Journey 5: "Restart during review: the session is restored with its edits in place." Edits and an exclusion are
// made in review; then the app restarts the way the desktop app does (the window goes, the services are disposed, which
// flushes pending autosaves, and fresh services start over the SAME data directory); the reopened app lists the session
// under recent sessions, and continuing it shows the edited values and the exclusion, re-validated.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppPage, type AppPage } from '../harness/app-page'
import { journeyShot, numberIn, waitText } from './journey-kit'

const FILE = '復原測試.csv'
const CSV = [
  '訂單編號,Email,金額,付款狀態,付款時間',
  'R-1,a@example.com,100,已付款,2026-02-01 09:00',
  'R-2,b@example.com,abc,已付款,2026-02-02 09:00',
  'R-3,c@example,300,已付款,2026-02-03 09:00',
  'R-4,d@example.com,400,已付款,2026-02-04 09:00',
  'R-5,test@example.com,1,已付款,2026-02-05 09:00',
  'R-6,f@example.com,600,已付款,2026-02-06 09:00'
].join('\n')

let dataDir: string
let app: AppPage
let page: Page
const shot = (name: string) => journeyShot(page, `5-${name}`)
const row = (n: number) => page.locator(`[data-testid="rows-grid"] [data-row="${n}"]`)
const cell = (n: number, column: string) => row(n).locator(`[data-column="${column}"]`)
const gridRows = () =>
  page
    .locator('[data-testid="rows-grid"] .grid-row[data-row]')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-row'))))

async function edit(n: number, column: string, value: string): Promise<void> {
  await cell(n, column).dblclick()
  await cell(n, column).locator('input').fill(value)
  await cell(n, column).locator('input').press('Enter')
}

async function start(): Promise<void> {
  app = await openAppPage({ timeoutMs: 30_000, dataDir })
  page = app.page
}

beforeAll(async () => {
  // the data directory outlives one harness: it is the app's, across the restart
  dataDir = mkdtempSync(join(tmpdir(), 'orderdock-journey5-'))
  await start()
})

afterAll(async () => {
  await app?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('journey 5: restart during review', () => {
  it('review: two errors fixed by editing, a test order excluded', async () => {
    const file = join(dataDir, FILE)
    writeFileSync(file, CSV)
    await page.getByTestId('file-input').setInputFiles(file)
    await page.getByTestId('file-name').getByText(FILE).waitFor()
    await page.getByTestId('start-target').selectOption('zangsho.orders')
    await page.getByTestId('start-prepare').click()
    await waitText(page, 'chip-errors', '^2 列有錯誤$')
    await shot('01-errors.png')

    await edit(3, '金額', '250')
    await edit(4, 'Email', 'c@example.com')
    await row(6).getByRole('button', { name: '排除' }).click()
    await page.locator('[data-testid="rows-grid"] [data-row="6"].is-excluded').waitFor()
    await waitText(page, 'chip-errors', '^0 列有錯誤$')
    expect(await numberIn(page, 'chip-valid')).toBe(5)
    expect(await cell(3, '金額').innerText()).toBe('250.00')
    expect(await cell(4, 'Email').innerText()).toBe('c@example.com')
    await shot('02-edited.png')
  })

  it('restarts over the same data directory: the session is listed under recent sessions', async () => {
    await app.close()
    await start()
    const recent = page.locator(`[data-testid="recent-session"][data-name="${FILE}"]`)
    await recent.waitFor()
    expect(await page.locator('[data-testid="recent-session"]').count()).toBe(1)
    // the two edits were saved, not just the file
    expect(await recent.locator('.sample-description').innerText()).toMatch(/^帳獸 訂單 · .+ · 2 處修改$/)
    await shot('03-recent-after-restart.png')
  })

  it('continuing it shows the edited values and the exclusion, re-validated', async () => {
    await page.locator(`[data-testid="recent-session"][data-name="${FILE}"] button.sample`).click()
    await page.getByTestId('summary').waitFor()
    await waitText(page, 'chip-errors', '^0 列有錯誤$')
    expect(await numberIn(page, 'chip-valid')).toBe(5)
    await cell(3, '金額').waitFor()
    expect(await cell(3, '金額').innerText()).toBe('250.00')
    expect(await cell(3, '金額').getAttribute('class')).toContain('cell-edited')
    expect(await cell(4, 'Email').innerText()).toBe('c@example.com')
    expect(await cell(4, 'Email').getAttribute('class')).toContain('cell-edited')
    expect(await row(6).getAttribute('class')).toContain('is-excluded')
    expect(await cell(2, '金額').getAttribute('class')).not.toContain('cell-edited')
    await shot('04-restored.png')

    await page.getByTestId('filter-excluded').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="rows-grid"] [data-row="2"]') === null)
    expect(await gridRows()).toEqual([6])
    await page.getByTestId('filter-all').click()
    expect(app.problems).toEqual([])
  })
})
