// Read a token from stdin for `profile set-token`: piped input to EOF, or a hidden line typed at a terminal.
import type { Readable, Writable } from 'node:stream'

export interface SecretInput extends Readable {
  isTTY?: boolean
  setRawMode?: (mode: boolean) => unknown
}

const MAX_BYTES = 64 * 1024

/** Piped: everything up to EOF (bounded in size and time). Terminal: one line, not echoed. */
export function readSecret(input: SecretInput, prompt: Writable, opts: { timeoutMs?: number } = {}): Promise<string> {
  const timeoutMs = opts.timeoutMs ?? (input.isTTY ? 600_000 : 120_000)
  return input.isTTY && input.setRawMode ? readHiddenLine(input, prompt, timeoutMs) : readAll(input, timeoutMs)
}

function readAll(input: Readable, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const done = (err: Error | null, value?: string): void => {
      clearTimeout(timer)
      input.off('data', onData).off('end', onEnd).off('error', onError)
      input.pause()
      if (err) reject(err)
      else resolve(value ?? '')
    }
    const onData = (c: Buffer | string): void => {
      const b = typeof c === 'string' ? Buffer.from(c) : c
      size += b.length
      if (size > MAX_BYTES) return done(new Error('stdin is larger than 64 KiB; that is not a token'))
      chunks.push(b)
    }
    const onEnd = (): void => done(null, Buffer.concat(chunks).toString('utf8'))
    const onError = (e: Error): void => done(e)
    const timer = setTimeout(() => done(new Error('no token arrived on stdin (timed out)')), timeoutMs)
    input.on('data', onData).on('end', onEnd).on('error', onError)
    input.resume()
  })
}

function readHiddenLine(input: SecretInput, prompt: Writable, timeoutMs: number): Promise<string> {
  prompt.write('請貼上權杖後按 Enter（不會顯示）/ Paste the token and press Enter (it is not shown): ')
  return new Promise((resolve, reject) => {
    let text = ''
    const done = (err: Error | null): void => {
      clearTimeout(timer)
      input.off('data', onData)
      input.setRawMode?.(false)
      input.pause()
      prompt.write('\n')
      if (err) reject(err)
      else resolve(text)
    }
    const onData = (c: Buffer | string): void => {
      for (const ch of typeof c === 'string' ? c : c.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(null)
        if (ch === '\u0003' || ch === '\u0004') return done(new Error('cancelled'))
        if (ch === '\u007f' || ch === '\b') text = text.slice(0, -1)
        else if (text.length < MAX_BYTES) text += ch
      }
    }
    const timer = setTimeout(() => done(new Error('no token typed (timed out)')), timeoutMs)
    input.setRawMode?.(true)
    input.on('data', onData)
    input.resume()
  })
}
