// Subscription events in Chromium: the mapping screen says what is inferred; derivations and the chain warning show on the rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppPage, type AppPage } from './harness/app-page'

declare const document: {
  querySelector(selector: string): { textContent: string | null; dispatchEvent(event: DragEvent): boolean } | null
}
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

// row 4 breaks amy's chain (990 → 1490, then 1200 → 690); row 5 has no type and is derived from the sign
const CSV =
  [
    '客戶 Email,事件類型,事件發生時間,變更前金額,變更後金額',
    'amy@example.com,新訂閱,2025/01/05 10:00,0,990',
    'amy@example.com,升級,2025/03/01 10:00,990,1490',
    'amy@example.com,降級,2025/06/01 10:00,1200,690',
    'bo@example.com,,2025/02/01 10:00,500,800'
  ].join('\n') + '\n'

describe('subscription events', () => {
  it("shows the inferred-facts notice, derives the event type, and warns where a customer's chain breaks", async () => {
    const { page } = app
    await page.getByTestId('drop-zone').waitFor()
    await page.evaluate((text) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([text], '訂閱事件.csv'))
      const zone = document.querySelector('[data-testid="drop-zone"]')
      if (!zone) throw new Error('no drop zone')
      for (const type of ['dragenter', 'dragover', 'drop'])
        zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }))
    }, CSV)
    await page.getByTestId('start-target').selectOption('zangsho.subscription_events')
    await page.getByTestId('start-prepare').click()
    await page.getByTestId('summary').waitFor()
    const notice = await page.getByTestId('target-notice').innerText()
    expect(notice).toContain('推測')
    expect(notice).toContain('POST /subscriptions/events')
    expect(await page.getByTestId('map-customer_email').inputValue()).toBe('客戶 Email')
    expect(await page.getByTestId('map-occurred_at').inputValue()).toBe('事件發生時間')
    const selects = page.getByTestId('values-event_type').locator('select')
    const chosen = await Promise.all((await selects.all()).map((sel) => sel.inputValue()))
    expect(chosen.sort()).toEqual(['created', 'downgrade', 'upgrade'])
    const summary = await page.getByTestId('summary').innerText()
    expect(summary).toMatch(/4 筆可匯入/)
    expect(summary).toMatch(/1 列有警告/)
    await page.locator('[data-testid="rows-grid"] [data-row="4"]').waitFor()
    await app.screenshot('40-events-mapping.png')
  })
})
