import { describe, it, expect } from 'vitest'
import path from 'node:path'
import { defaultDataDir } from './data-dir'

describe('defaultDataDir', () => {
  it('ORDERDOCK_DATA_DIR wins everywhere', () => {
    expect(defaultDataDir({ ORDERDOCK_DATA_DIR: '/tmp/od' }, 'win32', 'C:\\Users\\a')).toBe(path.resolve('/tmp/od'))
  })
  it('uses each OS app data folder', () => {
    expect(defaultDataDir({}, 'linux', '/home/amy')).toBe('/home/amy/.local/share/OrderDock')
    expect(defaultDataDir({ XDG_DATA_HOME: '/data' }, 'linux', '/home/amy')).toBe('/data/OrderDock')
    expect(defaultDataDir({ XDG_DATA_HOME: 'relative' }, 'linux', '/home/amy')).toBe('/home/amy/.local/share/OrderDock')
    expect(defaultDataDir({}, 'darwin', '/Users/amy')).toBe('/Users/amy/Library/Application Support/OrderDock')
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\amy\\AppData\\Roaming' }, 'win32', 'C:\\Users\\amy')).toBe(
      'C:\\Users\\amy\\AppData\\Roaming\\OrderDock'
    )
    expect(defaultDataDir({}, 'win32', 'C:\\Users\\amy')).toBe('C:\\Users\\amy\\AppData\\Roaming\\OrderDock')
  })
})
