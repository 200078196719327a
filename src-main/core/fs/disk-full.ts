// A full disk is its own state with its own code and words, in the app and the CLI (not "something unexpected went wrong").
import type { Localized } from '../targets/types'

const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'SHORT_WRITE'])

/** True for ENOSPC/EDQUOT anywhere along an error's cause chain. */
export function isDiskFull(e: unknown): boolean {
  let cur = e as { code?: unknown; cause?: unknown } | null | undefined
  for (let depth = 0; depth < 6 && cur && typeof cur === 'object'; depth++) {
    if (typeof cur.code === 'string' && DISK_FULL_CODES.has(cur.code)) return true
    cur = cur.cause as typeof cur
  }
  return false
}

export const DISK_FULL_CODE = 'disk_full'

export function diskFullMessage(): Localized {
  return {
    'zh-TW': '磁碟空間不足：無法寫入資料。請釋放一些磁碟空間後再試一次；已完成的部分都已保存。',
    en: 'The disk is full: data could not be written. Free some disk space and try again; what was finished is kept.'
  }
}
