// The connections screen in Debian's Chromium: real services, a real rehearsal server on 127.0.0.1, the built renderer.
// Also the renderer half of issue 5's leak test: the token goes renderer → main once and never comes back over the bridge.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryKeychain } from '../../src-main/core/credentials/keychain'
import { startSandbox, type Sandbox } from '../../src-main/sandbox'
import { openAppPage, SCREENSHOTS, type AppPage } from './harness/app-page'
import type { Harness } from './harness/server'

// the harness would use the OS keychain, which a headless box lacks: tokens go to an in-memory one
const keychain = memoryKeychain()

const GOOD = 'zs_e2e_GoodToken_7Hq2Lm4821'
const WRONG = 'zs_e2e_RevokedTok_Xy9Z5550'

let app: AppPage
let harness: Harness
let sandbox: Sandbox
let page: Page
let problems: string[] = []
const received: string[] = []
const sent: string[] = []
let profileId = ''

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true })
}

const result = () => page.getByTestId('connection-result')

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, tokens: { [GOOD]: { api: 'zangsho' } } })
  app = await openAppPage({
    keychain,
    // every frame the bridge carries, both ways
    beforeLoad: (p) =>
      p.on('websocket', (socket) => {
        socket.on('framereceived', (frame) => received.push(String(frame.payload)))
        socket.on('framesent', (frame) => sent.push(String(frame.payload)))
      })
  })
  ;({ page, harness, problems } = app)
})

afterAll(async () => {
  await app?.close()
  await sandbox?.close()
})

describe('the connections screen', () => {
  it('opens from the top bar with the built-in Rehearsal profile first', async () => {
    await page.getByTestId('connections-button').waitFor()
    await shot('profiles-00-topbar.png')
    await page.getByTestId('connections-button').getByText('連線設定').click()
    await page.getByTestId('profiles-screen').waitFor()
    const first = page.getByTestId('profile-item').first()
    expect(await first.getAttribute('data-id')).toBe('rehearsal')
    expect(await first.innerText()).toContain('內建')
    expect(await first.innerText()).toContain('不需權杖')
    expect(await page.getByTestId('rehearsal-url').innerText()).toContain('自動')
    expect(await page.getByTestId('token-input').count()).toBe(0)
    await shot('profiles-01-rehearsal.png')
  })

  it('refuses plain http to another machine, then adds a 帳獸 profile pointing at the rehearsal server', async () => {
    await page.getByTestId('profile-add').click()
    await page.getByTestId('profile-name').fill('帳獸彩排')
    expect(await page.getByTestId('profile-destination').inputValue()).toBe('zangsho')
    expect(await page.getByTestId('profile-base-url').getAttribute('placeholder')).toBe('https://api.zangsho.com/v1')
    expect(await page.getByTestId('profile-timezone').inputValue()).toBe('Asia/Taipei')
    await page.getByTestId('profile-base-url').fill('http://api.example.com/v1')
    await page.getByTestId('profile-save').click()
    const error = page.getByTestId('profiles-error')
    await error.waitFor()
    expect(await error.getAttribute('data-code')).toBe('profile_invalid.baseUrl')
    expect(await error.innerText()).toContain('必須使用 HTTPS')
    expect(await page.getByTestId('profile-base-url').getAttribute('aria-invalid')).toBe('true')

    await page.getByTestId('profile-base-url').fill(sandbox.zangshoBaseUrl)
    await page.getByTestId('profile-save').click()
    await page.getByTestId('token-status').getByText('尚未儲存權杖').waitFor()
    expect(await page.getByTestId('profiles-error').count()).toBe(0)
    const selected = page.locator('[data-testid="profile-item"][aria-current="true"]')
    expect(await selected.innerText()).toContain('帳獸彩排')
    profileId = (await selected.getAttribute('data-id')) ?? ''
    expect(profileId).not.toBe('')
  })

  it('saves a token and shows only its last 4 characters', async () => {
    await page.getByTestId('token-input').fill(GOOD)
    expect(await page.getByTestId('token-input').getAttribute('type')).toBe('password')
    await page.getByTestId('token-save').click()
    await page.getByTestId('token-status').getByText('已儲存 ••••4821').waitFor()
    expect(await page.getByTestId('token-input').inputValue()).toBe('')
    expect(await page.locator(`[data-testid="profile-item"][data-id="${profileId}"]`).innerText()).toContain('••••4821')
    expect(await keychain.getPassword('OrderDock', profileId)).toBe(GOOD)
    expect(await page.getByTestId('token-save').innerText()).toBe('更換權杖')
  })

  it('tests the connection: OK', async () => {
    await page.getByTestId('test-connection').click()
    await page.locator('[data-testid="connection-result"][data-kind="ok"]').waitFor()
    expect(await result().innerText()).toContain('連線正常')
    await shot('profiles-02-zangsho-ok.png')
  })

  it('replaces the token with a wrong one and shows the 401 message with where to get a new one', async () => {
    await page.getByTestId('token-input').fill(WRONG)
    await page.getByTestId('token-save').click()
    await page.getByTestId('token-status').getByText('已儲存 ••••5550').waitFor()
    // a new token clears the old outcome
    expect(await result().count()).toBe(0)
    await page.getByTestId('test-connection').click()
    await page.locator('[data-testid="connection-result"][data-kind="unauthorized"]').waitFor()
    const text = await result().innerText()
    expect(text).toContain('HTTP 401')
    expect(text).toContain('「API 設定」')
    await shot('profiles-03-zangsho-401.png')
  })

  it('starts the rehearsal server on first use and picks the SHOPLINE options, custom kinds only', async () => {
    await page.locator('[data-testid="profile-item"][data-id="rehearsal"]').click()
    await page.getByTestId('test-connection').click()
    await page.locator('[data-testid="connection-result"][data-kind="ok"]').waitFor()
    await page
      .getByTestId('rehearsal-url')
      .getByText(/執行中：http:\/\/127\.0\.0\.1:\d+/)
      .waitFor()

    await page.getByTestId('shopline-load').click()
    await page.getByTestId('shopline-explanation').waitFor()
    expect(await page.getByTestId('shopline-explanation').innerText()).toContain('自訂')
    const states = await page
      .getByTestId('delivery-picker')
      .locator('option')
      .evaluateAll((options) => options.map((o) => [(o as HTMLOptionElement).value, (o as HTMLOptionElement).disabled]))
    expect(states).toEqual([
      ['', false],
      ['64d000000000000000000001', false],
      ['64d000000000000000000002', true],
      ['64d000000000000000000003', true]
    ])
    await page.getByTestId('delivery-picker').selectOption('64d000000000000000000001')
    await page.getByTestId('payment-picker').selectOption('64e000000000000000000001')
    await page.getByTestId('shopline-save').click()
    await page.getByTestId('shopline-current').getByText('歷史訂單匯入').waitFor()
    await page.locator('.why-disabled summary').click()
    expect(await page.locator('.why-disabled').innerText()).toContain('SHOPLINE Payments')
    await shot('profiles-04-rehearsal-shopline.png')
  })

  it('reads in English too', async () => {
    await page.getByTestId('profiles-close').click()
    await page.getByTestId('lang-en').click()
    await page.getByTestId('connections-button').getByText('Connections').click()
    await page.locator(`[data-testid="profile-item"][data-id="${profileId}"]`).click()
    await page.getByTestId('token-status').getByText('Saved ••••5550').waitFor()
    await page.getByTestId('test-connection').click()
    await page.locator('[data-testid="connection-result"][data-kind="unauthorized"]').waitFor()
    expect(await result().innerText()).toContain('rejected the token')
    await shot('profiles-05-english.png')
    await page.getByTestId('profiles-close').click()
    await page.getByTestId('lang-zh-TW').click()
  })
})

describe('deleting', () => {
  it('deletes the token, then removes the profile', async () => {
    await page.getByTestId('connections-button').click()
    await page.locator(`[data-testid="profile-item"][data-id="${profileId}"]`).click()
    await page.getByTestId('token-delete').click()
    await page.getByTestId('token-status').getByText('尚未儲存權杖').waitFor()
    expect(await keychain.getPassword('OrderDock', profileId)).toBeNull()
    await page.getByTestId('token-input').fill(GOOD)
    await page.getByTestId('token-save').click()
    await page.getByTestId('token-status').getByText('已儲存 ••••4821').waitFor()
    await page.getByTestId('profile-remove').click()
    await page.getByTestId('profile-remove-confirm').click()
    await page.locator(`[data-testid="profile-item"][data-id="${profileId}"]`).waitFor({ state: 'detached' })
    expect(await keychain.getPassword('OrderDock', profileId)).toBeNull()
    expect(await page.getByTestId('profile-item').count()).toBe(1)
  })
})

describe('the token never reaches the renderer', () => {
  it('is in no frame the bridge carried to the page, nor in the page, nor on disk', async () => {
    // the capture works: the token did travel renderer → main, and answers did come back
    expect(sent.some((frame) => frame.includes(GOOD))).toBe(true)
    expect(sent.some((frame) => frame.includes(WRONG))).toBe(true)
    expect(received.some((frame) => frame.includes('4821'))).toBe(true)
    for (const frame of received) {
      expect(frame).not.toContain(GOOD)
      expect(frame).not.toContain(WRONG)
    }
    const html = await page.content()
    expect(html).not.toContain(GOOD)
    expect(html).not.toContain(WRONG)
    for (const entry of readdirSync(harness.dataDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue
      const text = readFileSync(join(entry.parentPath, entry.name), 'utf8')
      expect(text).not.toContain(GOOD)
      expect(text).not.toContain(WRONG)
    }
    expect(problems).toEqual([])
  })
})
