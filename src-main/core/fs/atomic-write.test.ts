import { describe, it, expect } from 'vitest'
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeFileAtomic } from './atomic-write'

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temp files behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'od-atomic-'))
    const file = join(dir, 'nested', 'state.json')
    await writeFileAtomic(file, '{"v":1}')
    await writeFileAtomic(file, '{"v":2}')
    expect(await readFile(file, 'utf8')).toBe('{"v":2}')
    expect(await readdir(join(dir, 'nested'))).toEqual(['state.json'])
  })

  it('keeps the old version when the rename target is a folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'od-atomic-'))
    await writeFile(join(dir, 'keep.txt'), 'old')
    await expect(writeFileAtomic(dir, 'x')).rejects.toThrow()
    expect(await readFile(join(dir, 'keep.txt'), 'utf8')).toBe('old')
  })
})
