// Autosave failures are not silent: each becomes an event (the app shows a banner), and so does the save that works again.
import type { OrderDockEvent } from '../ipc/contract'
import { isDiskFull } from '../core/fs/disk-full'

export const AUTOSAVE_DISK_FULL = {
  'zh-TW': '磁碟空間不足：最近的修改還沒儲存。請釋放一些磁碟空間，修改會保留在畫面上並自動儲存。',
  en: 'The disk is full: your latest changes are not saved yet. Free some disk space; the changes stay here and are saved automatically.'
}

export function autosaveEvents(emit: ((event: OrderDockEvent) => void) | undefined): {
  onSaveError: (err: unknown) => void
  onSaveRecovered: () => void
} {
  return {
    onSaveError: (err) => {
      const diskFull = isDiskFull(err)
      const code = (err as { code?: unknown })?.code
      emit?.({
        type: 'autosave.failed',
        code: diskFull ? 'disk_full' : 'save_failed',
        message: diskFull
          ? AUTOSAVE_DISK_FULL
          : {
              'zh-TW': `最近的修改還沒儲存（${typeof code === 'string' ? code : '寫入失敗'}）。修改會保留在畫面上，稍後會自動再試。`,
              en: `Your latest changes are not saved yet (${typeof code === 'string' ? code : 'write failed'}). They stay here and saving is retried automatically.`
            }
      })
    },
    onSaveRecovered: () => emit?.({ type: 'autosave.recovered' })
  }
}
