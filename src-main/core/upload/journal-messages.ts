// What a user reads when a job stopped because its journal could not be written (most often: the disk is full).
import type { Localized } from '../targets/types'
import type { JournalWriteError } from './journal-file'

export function journalStopMessage(e: JournalWriteError, jobId: string): Localized {
  if (e.diskFull) {
    return {
      'zh-TW': `磁碟空間不足，工作 ${jobId} 已在送出下一筆之前暫停；已送出的資料都已記錄。請釋放磁碟空間後繼續這個工作。`,
      en: `The disk is full: job ${jobId} stopped before sending anything it could not record. Free some disk space, then resume the job.`
    }
  }
  return {
    'zh-TW': `無法寫入工作紀錄（${e.code}），工作 ${jobId} 已在送出下一筆之前暫停。問題排除後可以繼續這個工作。`,
    en: `The job journal could not be written (${e.code}): job ${jobId} stopped before sending anything it could not record. Resume the job once this is fixed.`
  }
}
