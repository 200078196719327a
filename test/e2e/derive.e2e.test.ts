// The mapping screen in Chromium: a 定期定額 sheet built here, MRR and billing cycle computed from two columns, shown in
// words with their result on sample rows; item rows of one order carry a group marker in the grid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppPage, type AppPage } from './harness/app-page'

declare const document: { querySelector(selector: string): { dispatchEvent(event: DragEvent): boolean } | null }
declare class DataTransfer {
  items: { add(file: File): void }
}
declare class DragEvent {
  constructor(type: string, init: { bubbles: boolean; cancelable: boolean; dataTransfer: DataTransfer })
}

let app: AppPage
beforeAll(async () => {
  app = await openAppPage()
})
afterAll(async () => {
  await app?.close()
})

async function dropText(name: string, text: string): Promise<void> {
  await app.page.evaluate(
    ({ name, text }) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([text], name))
      const zone = document.querySelector('[data-testid="drop-zone"]')
      if (!zone) throw new Error('no drop zone')
      for (const type of ['dragenter', 'dragover', 'drop'])
        zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }))
    },
    { name, text }
  )
}

const SHEET = [
  '客戶Email,每次授權金額,週期單位,週期數,訂閱開始時間,本期開始時間',
  'a@example.com,"2,970",月,3,2025/1/1,2026/1/1',
  'b@example.com,"11,990",年,1,2025/2/1,2026/2/1',
  'c@example.com,990,月,2,2025/3/1,2026/3/1'
].join('\n')

describe('derived fields on the mapping screen', () => {
  it('MRR and billing cycle from a unit and a frequency column, in words, with sample results', async () => {
    const { page } = app
    await dropText('定期定額.csv', SHEET)
    await page.getByTestId('start-target').selectOption('zangsho.subscriptions')
    await page.getByTestId('start-prepare').click()
    await page.getByTestId('summary').waitFor()
    await page.getByTestId('map-mrr').selectOption({ label: '由多欄計算…' })
    await page.getByTestId('derive-editor-mrr').waitFor()
    await page.locator('input[type="radio"][name="kind-mrr"]').first().check()
    await page.getByTestId('derive-amount-mrr').selectOption('每次授權金額')
    await page.getByTestId('derive-unit-mrr').selectOption('週期單位')
    await page.getByTestId('derive-frequency-mrr').selectOption('週期數')
    await page.getByTestId('derive-save-mrr').click()

    const mrr = page.getByTestId('derived-mrr')
    await mrr.locator('.derived-samples li').first().waitFor()
    expect(await mrr.locator('.derived-rule').innerText()).toBe(
      '「每次授權金額」 ÷ 每期月數（「週期單位」 × 「週期數」），四捨五入到小數 2 位'
    )
    expect(await mrr.locator('.derived-samples li').allInnerTexts()).toEqual([
      '第 2 列：2,970 ÷ 3（季繳）= 990.00',
      '第 3 列：11,990 ÷ 12（年繳）= 999.17',
      expect.stringContaining('第 4 列：「週期單位」=「月」、「週期數」=「2」 表示每 2 個月，帳獸沒有這種計費週期')
    ])
    const cycle = page.getByTestId('derived-billing_cycle')
    await cycle.locator('.derived-samples li').first().waitFor()
    expect(await cycle.locator('.derived-samples li').first().innerText()).toBe('第 2 列：月 × 3 → quarterly')
    expect(await page.getByTestId('map-billing_cycle').inputValue()).toBe('\u0000derive')
    await page
      .getByTestId('summary')
      .getByText(/2 筆可匯入/)
      .waitFor()
    await page.locator('[data-testid="rows-grid"] [data-row="4"].has-error').waitFor()
    await app.screenshot('40-derived-fields.png')
    expect(app.problems).toEqual([])
  })
})
