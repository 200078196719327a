// Mutations run by the stores, outside React, through Query's MutationObserver: changes in one scope run one after
// another (main applies them in that order and the answers arrive in that order), and each names what it invalidates.
import { MutationObserver, type QueryKey } from '@tanstack/react-query'
import { queryClient } from './client'

export interface MutationSpec<T> {
  /** Mutations sharing a scope run in series (e.g. the changes to one preparation). */
  scope?: string
  run: () => Promise<T>
  /** The queries this mutation changes: marked stale, and refetched when shown. */
  invalidates?: (result: T) => QueryKey[]
}

export async function mutate<T>({ scope, run, invalidates }: MutationSpec<T>): Promise<T> {
  const observer = new MutationObserver<T, unknown, void>(queryClient, {
    mutationFn: run,
    // the answer is handed back here; the cache need not keep it (a workbook view can be large)
    gcTime: 0,
    ...(scope ? { scope: { id: scope } } : {})
  })
  const result = await observer.mutate()
  observer.reset()
  await Promise.all((invalidates?.(result) ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })))
  return result
}

/** Rows changed in main: pages on screen are read again (shown until the new answer arrives); others are dropped. */
export function refreshPrep(prepId: string): void {
  const queryKey = ['prep', prepId]
  queryClient.removeQueries({ queryKey, type: 'inactive' })
  void queryClient.invalidateQueries({ queryKey })
  // what would be sent changes with the rows too
  void queryClient.invalidateQueries({ queryKey: ['plan', prepId] })
}
