// Typed failures for the contract: services throw ServiceError; the transport turns anything into { code, message }.
import type { ApiError, Localized } from '../ipc/contract'
import { DISK_FULL_CODE, diskFullMessage, isDiskFull } from '../core/fs/disk-full'

export class ServiceError extends Error {
  readonly code: string
  readonly file?: string
  readonly messages?: Localized

  constructor(code: string, message: string, file?: string, messages?: Localized) {
    super(message)
    this.name = 'ServiceError'
    this.code = code
    this.file = file
    this.messages = messages
  }
}

/** Never leaks a stack or an internal object to the renderer: only code, message and file. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ServiceError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.file === undefined ? {} : { file: error.file }),
      ...(error.messages ? { messages: { 'zh-TW': error.messages['zh-TW'], en: error.messages.en } } : {})
    }
  }
  const message = error instanceof Error ? error.message : String(error)
  // A full disk is its own, recoverable state, not "something unexpected went wrong".
  if (isDiskFull(error)) {
    const m = diskFullMessage()
    return { code: DISK_FULL_CODE, message: m.en, messages: { 'zh-TW': m['zh-TW'], en: m.en } }
  }
  return { code: 'internal', message: `Unexpected error: ${message}` }
}
