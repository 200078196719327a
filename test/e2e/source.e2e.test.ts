// The mapping screen in Chromium says which export it recognized (「已辨識：蝦皮 訂單匯出」) and turns recognition off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppPage, type AppPage } from './harness/app-page'
import { SHOPEE_HEADERS } from '../../src-main/core/sources/layouts/shopee'

// Browser-side globals used inside page.evaluate (the Node tsconfig has no DOM lib, on purpose).
declare const document: { querySelector(selector: string): { dispatchEvent(event: DragEvent): boolean } | null }
declare class DataTransfer {
  items: { add(file: File): void }
}
declare class DragEvent {
  constructor(type: string, init: { bubbles: boolean; cancelable: boolean; dataTransfer: DataTransfer })
}

let app: AppPage

const row = (values: Record<string, string>) => SHOPEE_HEADERS.map((h) => values[h] ?? '').join(',')
const CSV = [
  SHOPEE_HEADERS.join(','),
  row({
    訂單編號: '240101ABCD',
    訂單狀態: '已完成',
    買家帳號: 'ming88',
    買家總支付金額: '1990',
    付款方式: '信用卡/金融卡',
    商品名稱: '茶葉',
    數量: '1'
  }),
  row({
    訂單編號: '240101EFGH',
    訂單狀態: '待出貨',
    買家帳號: 'hua77',
    買家總支付金額: '990',
    付款方式: '貨到付款',
    商品名稱: '茶壺',
    數量: '1'
  })
].join('\n')

beforeAll(async () => {
  app = await openAppPage()
})
afterAll(async () => {
  await app?.close()
})

describe('a recognized export on the mapping screen', () => {
  it('shows 已辨識 with a button that turns recognition off, and back on', async () => {
    const { page } = app
    await page.evaluate(
      ({ text }) => {
        const transfer = new DataTransfer()
        transfer.items.add(new File([text], 'Order.all.20240101_20240131.csv'))
        const zone = document.querySelector('[data-testid="drop-zone"]')
        if (!zone) throw new Error('no drop zone')
        for (const type of ['dragenter', 'dragover', 'drop'])
          zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }))
      },
      { text: CSV }
    )
    await page.getByTestId('start-target').selectOption('zangsho.orders')
    await page.getByTestId('start-prepare').click()
    const banner = page.getByTestId('source-banner')
    await banner.getByText('已辨識：蝦皮 訂單匯出').waitFor()
    expect(await page.getByTestId('map-amount').inputValue()).toBe('買家總支付金額')
    expect(await banner.innerText()).toContain('蝦皮匯出檔沒有買家 Email')
    expect(await page.locator('tr[data-field="amount"] .confidence-cell .badge').getAttribute('title')).toBe(
      '依「蝦皮 訂單匯出」的格式對應'
    )
    await app.screenshot('15-source-recognized.png')

    await page.getByTestId('source-off').click()
    await page.getByTestId('source-on').waitFor()
    expect(await banner.innerText()).toContain('已關閉匯出格式辨識')
    await page.getByTestId('source-on').click()
    await banner.getByText('已辨識：蝦皮 訂單匯出').waitFor()
    expect(app.problems).toEqual([])
  })
})
