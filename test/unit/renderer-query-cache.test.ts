// The renderer's query cache rules (#11 E), in plain Node: changes in one scope run one after another, a mutation
// invalidates what it names, new rows refresh one preparation only, and an edited row lands in every cached page.
import { afterEach, describe, expect, it } from 'vitest'
import type { PrepareRow } from '../../src-main/ipc/contract'
import { queryClient } from '../../src-renderer/src/queries/client'
import { keys } from '../../src-renderer/src/queries/keys'
import { mutate, refreshPrep } from '../../src-renderer/src/queries/mutation'
import type { PageAnswer } from '../../src-renderer/src/queries/pages'
import { putRow } from '../../src-renderer/src/queries/row-cache'

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms))
const row = (rowNumber: number, text: string): PrepareRow =>
  ({ rowNumber, cells: [{ w: text }], issues: [], edited: [], excluded: false }) as unknown as PrepareRow
const page = (n: number, rows: PrepareRow[]): PageAnswer<PrepareRow> => ({ page: n, total: 200, rows })

afterEach(() => queryClient.clear())

describe('mutations', () => {
  it('in one scope run in series: the second starts after the first answered, answers in the order asked', async () => {
    const log: string[] = []
    const slow = mutate({
      scope: 'prepare',
      run: async () => {
        log.push('start 1')
        await wait(60)
        log.push('end 1')
        return 1
      }
    })
    const fast = mutate({
      scope: 'prepare',
      run: async () => {
        log.push('start 2')
        log.push('end 2')
        return 2
      }
    })
    expect(await Promise.all([slow, fast])).toEqual([1, 2])
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2'])
  })

  it('in different scopes run side by side', async () => {
    const log: string[] = []
    await Promise.all([
      mutate({ scope: 'a', run: async () => (log.push('a'), await wait(40), log.push('a done')) }),
      mutate({ scope: 'b', run: async () => log.push('b') })
    ])
    expect(log.indexOf('b')).toBeLessThan(log.indexOf('a done'))
  })

  it('invalidate exactly the queries they name, and keep no answer in the mutation cache', async () => {
    queryClient.setQueryData(keys.profiles, { profiles: [] })
    queryClient.setQueryData(keys.templates, [])
    await mutate({ run: async () => 'saved', invalidates: () => [keys.profiles] })
    expect(queryClient.getQueryState(keys.profiles)?.isInvalidated).toBe(true)
    expect(queryClient.getQueryState(keys.templates)?.isInvalidated).toBe(false)
    await wait(5)
    expect(queryClient.getMutationCache().getAll()).toHaveLength(0)
  })

  it('a failure rejects with the error, and the next one in the scope still runs', async () => {
    await expect(
      mutate({
        scope: 's',
        run: async () => {
          throw new Error('refused')
        }
      })
    ).rejects.toThrow('refused')
    expect(await mutate({ scope: 's', run: async () => 'next' })).toBe('next')
  })
})

describe('rows of a preparation', () => {
  it('refreshPrep drops the pages nobody shows and marks that preparation’s plans stale, nothing else', () => {
    queryClient.setQueryData(keys.rowPage('p1', 'all', null, 0), page(0, [row(2, 'a')]))
    queryClient.setQueryData(keys.rowNumbers('p1', 'errors'), { rows: [2] })
    queryClient.setQueryData(keys.rowPage('p2', 'all', null, 0), page(0, [row(2, 'x')]))
    queryClient.setQueryData(keys.plan('p1', 'rehearsal', {}), { prepId: 'p1' })
    queryClient.setQueryData(keys.plan('p2', 'rehearsal', {}), { prepId: 'p2' })
    refreshPrep('p1')
    expect(queryClient.getQueryData(keys.rowPage('p1', 'all', null, 0))).toBeUndefined()
    expect(queryClient.getQueryData(keys.rowNumbers('p1', 'errors'))).toBeUndefined()
    expect(queryClient.getQueryData(keys.rowPage('p2', 'all', null, 0))).toBeDefined()
    expect(queryClient.getQueryState(keys.plan('p1', 'rehearsal', {}))?.isInvalidated).toBe(true)
    expect(queryClient.getQueryState(keys.plan('p2', 'rehearsal', {}))?.isInvalidated).toBe(false)
  })

  it('putRow puts the re-validated row into every cached page holding it, under any filter', () => {
    queryClient.setQueryData(keys.rowPage('p1', 'all', null, 0), page(0, [row(2, 'a'), row(3, 'b')]))
    queryClient.setQueryData(keys.rowPage('p1', 'errors', null, 0), page(0, [row(3, 'b')]))
    queryClient.setQueryData(keys.rowPage('p1', 'all', null, 1), page(1, [row(102, 'c')]))
    queryClient.setQueryData(keys.rowPage('p2', 'all', null, 0), page(0, [row(3, 'other')]))
    putRow('p1', row(3, 'B!'))
    const text = (key: readonly unknown[]) =>
      queryClient.getQueryData<PageAnswer<PrepareRow>>(key)?.rows.map((r) => r.cells[0]?.w)
    expect(text(keys.rowPage('p1', 'all', null, 0))).toEqual(['a', 'B!'])
    expect(text(keys.rowPage('p1', 'errors', null, 0))).toEqual(['B!'])
    expect(text(keys.rowPage('p1', 'all', null, 1))).toEqual(['c'])
    expect(text(keys.rowPage('p2', 'all', null, 0))).toEqual(['other'])
  })
})
