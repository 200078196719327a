// In Chromium: a Shopee export lacks the buyer e-mail, said once for the file (中文 and English); the user looks it up in
// a customers spreadsheet from the mapping screen (key 手機 ↔ 收件者電話) and the rows become valid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
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
const order = (no: string, phone: string) =>
  row({
    訂單編號: no,
    訂單狀態: '已完成',
    買家帳號: `buyer${no}`,
    買家總支付金額: '990',
    付款方式: '信用卡/金融卡',
    買家付款時間: '2024-01-01 10:01',
    收件者電話: phone
  })
const CSV = [
  SHOPEE_HEADERS.join(','),
  order('A1', '0912-345-678'),
  order('A2', '+886 922 111 222'),
  order('A3', '0933000111'),
  order('A4', '0900000000')
].join('\n')

function customersXlsx(): Buffer {
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([
      ['姓名', '手機', 'Email'],
      ['王小明', 912345678, 'ming@example.com'],
      ['陳大華', '0922111222', 'hua@example.com'],
      ['林一', '0933 000 111', 'lin@example.com']
    ]),
    '顧客'
  )
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer
}

beforeAll(async () => {
  app = await openAppPage()
})
afterAll(async () => {
  await app?.close()
})

describe('a lookup from the mapping screen', () => {
  it('the missing e-mail is said once in both languages; a customers file makes every row valid', async () => {
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
    const issue = page.getByTestId('file-issue-customer_email')
    await issue.waitFor()
    expect(await issue.innerText()).toContain('這個檔案沒有客戶 Email。蝦皮匯出檔沒有買家 Email')
    expect(await page.getByTestId('summary').innerText()).toContain('0 筆可匯入')
    // once for the file (the lookup panel, the issues panel's group, the banner): the grid does not repeat it on every row
    await page.locator('text=/這個檔案沒有客戶 Email/').first().waitFor()
    expect(await page.locator('text=/這個檔案沒有客戶 Email/').count()).toBeLessThanOrEqual(3)
    await page.getByTestId('lang-en').click()
    await issue.getByText('This file has no Customer email. Shopee exports no buyer e-mail', { exact: false }).waitFor()
    await page.getByTestId('lang-zh-TW').click()
    await issue.getByText('這個檔案沒有客戶 Email', { exact: false }).waitFor()

    await page.getByTestId('lookup-open-customer_email').click()
    await page.getByTestId('lookup-file').setInputFiles({
      name: 'customers.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: customersXlsx()
    })
    await page.getByTestId('lookup-key').waitFor()
    expect(await page.getByTestId('lookup-key').inputValue()).toBe('手機')
    expect(await page.getByTestId('lookup-value').inputValue()).toBe('Email')
    expect(await page.getByTestId('lookup-main-key').inputValue()).toBe('收件者電話') // guessed: a phone column of this file
    await app.screenshot('20-lookup-form.png')
    await page.getByTestId('lookup-apply').click()

    const active = page.getByTestId('lookup-customer_email')
    await active.getByText('從 customers.xlsx 以 收件者電話 = 手機 對應 Email').waitFor()
    await page.getByTestId('summary').getByText('3 筆可匯入').waitFor()
    expect(await page.getByTestId('summary').innerText()).toContain('1 列有錯誤')
    expect(await active.innerText()).toContain('找到 3 列，1 列有問題')
    expect(await page.getByTestId('file-issue-customer_email').count()).toBe(0)
    // the unknown phone is said on its row, naming the file and the column
    await page.getByTestId('filter-errors').click()
    const keyCell = page.locator('[data-testid="rows-grid"] [data-row="5"] [data-column="收件者電話"]')
    await keyCell.waitFor()
    expect(await page.locator('[data-testid="rows-grid"] [data-row]').count()).toBe(1)
    expect(await keyCell.getAttribute('class')).toContain('cell-error')
    expect(await keyCell.getAttribute('title')).toContain(
      '第 5 列「收件者電話」欄的「0900000000」在 customers.xlsx（「手機」欄）找不到'
    )
    await page.getByTestId('filter-all').click()
    // 排除找不到的列: that row leaves the import
    await page.getByTestId('lookup-exclude').click()
    await page.getByTestId('summary').getByText('0 列有錯誤').waitFor()
    expect(await page.getByTestId('summary').innerText()).toContain('3 筆可匯入')
    expect(await page.getByTestId('map-customer_email').inputValue()).toBe('Email ← customers.xlsx')
    await app.screenshot('21-lookup-applied.png')
    expect(app.problems).toEqual([])
  })
})
