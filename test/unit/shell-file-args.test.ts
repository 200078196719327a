// "Open with OrderDock" on Windows/Linux: the spreadsheet path is found among Electron's and Chromium's own arguments.
import { describe, expect, it } from 'vitest'
import { isSpreadsheetPath, spreadsheetFromArgv } from '../../src-main/app/file-args'
import { buildMenuTemplate } from '../../src-main/app/menu'

describe('spreadsheetFromArgv', () => {
  it('finds the file after the app path and flags', () => {
    expect(
      spreadsheetFromArgv(['C:\\Program Files\\OrderDock\\OrderDock.exe', '--allow-file-access', 'D:\\匯出\\訂單.xlsx'])
    ).toBe('D:\\匯出\\訂單.xlsx')
    expect(spreadsheetFromArgv(['/usr/bin/electron', '.', '/home/a/orders.CSV'])).toBe('/home/a/orders.CSV')
  })

  it('ignores flags, the executable and other files', () => {
    expect(spreadsheetFromArgv(['/opt/OrderDock/orderdock'])).toBeNull()
    expect(spreadsheetFromArgv(['orderdock', '--inspect=9229', '--flag=x.csv', 'notes.txt', 'report.pdf'])).toBeNull()
    expect(spreadsheetFromArgv(['book.xlsx'])).toBeNull()
  })

  it('knows every supported extension', () => {
    for (const name of ['a.xlsx', 'a.xlsm', 'a.xls', 'a.ods', 'a.csv', 'a.tsv'])
      expect(isSpreadsheetPath(name)).toBe(true)
    for (const name of ['a.pdf', 'a.xlsx.exe', 'xlsx', 'a.numbers']) expect(isSpreadsheetPath(name)).toBe(false)
  })
})

describe('menu template', () => {
  const actions = {
    isMac: false,
    isDev: false,
    onOpen: () => undefined,
    onLanguage: () => undefined,
    onHelp: () => undefined
  }

  it('labels the menu in the UI language and checks the current language', () => {
    const zh = JSON.stringify(buildMenuTemplate({ ...actions, language: 'zh-TW' }))
    expect(zh).toContain('開啟試算表…')
    const en = buildMenuTemplate({ ...actions, language: 'en' })
    expect(JSON.stringify(en)).toContain('Open Spreadsheet…')
    const view = en.find((item) => item.label === 'View')
    const languages = (view?.submenu as { label?: string; submenu?: { label?: string; checked?: boolean }[] }[])[0]
      .submenu
    expect(languages?.map((item) => [item.label, item.checked])).toEqual([
      ['繁體中文', false],
      ['English', true]
    ])
  })

  it('has no developer tools in a packaged build', () => {
    expect(JSON.stringify(buildMenuTemplate({ ...actions, language: 'en' }))).not.toContain('toggleDevTools')
    expect(JSON.stringify(buildMenuTemplate({ ...actions, language: 'en', isDev: true }))).toContain('toggleDevTools')
  })
})
