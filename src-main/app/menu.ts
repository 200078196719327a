// The application menu as a template (pure): File → Open, View → Language, plus the standard Edit menu for copy/paste.
import type { MenuItemConstructorOptions } from 'electron'
import type { Language } from '../ipc/contract'

const LABELS = {
  'zh-TW': {
    file: '檔案',
    open: '開啟試算表…',
    quit: '結束',
    edit: '編輯',
    view: '檢視',
    language: '語言',
    help: '說明',
    docs: '帳獸 API 文件'
  },
  en: {
    file: 'File',
    open: 'Open Spreadsheet…',
    quit: 'Quit',
    edit: 'Edit',
    view: 'View',
    language: 'Language',
    help: 'Help',
    docs: 'Zangsho API docs'
  }
} as const

export const ZANGSHO_DOCS_URL = 'https://developers.zangsho.com/guides/data-import'

export interface MenuActions {
  language: Language
  isMac: boolean
  isDev: boolean
  onOpen: () => void
  onLanguage: (language: Language) => void
  onHelp: (url: string) => void
}

export function buildMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const t = LABELS[actions.language]
  const languageItem = (language: Language, label: string): MenuItemConstructorOptions => ({
    label,
    type: 'radio',
    checked: actions.language === language,
    click: () => actions.onLanguage(language)
  })
  const template: MenuItemConstructorOptions[] = [
    {
      label: t.file,
      submenu: [
        { label: t.open, accelerator: 'CmdOrCtrl+O', click: () => actions.onOpen() },
        { type: 'separator' },
        actions.isMac ? { role: 'close' } : { role: 'quit', label: t.quit }
      ]
    },
    { role: 'editMenu', label: t.edit },
    {
      label: t.view,
      submenu: [
        { label: t.language, submenu: [languageItem('zh-TW', '繁體中文'), languageItem('en', 'English')] },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
        ...(actions.isDev
          ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[])
          : [])
      ]
    },
    { label: t.help, submenu: [{ label: t.docs, click: () => actions.onHelp(ZANGSHO_DOCS_URL) }] }
  ]
  return actions.isMac ? [{ role: 'appMenu' }, ...template] : template
}
