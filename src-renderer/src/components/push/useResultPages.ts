// Pages of per-row results fetched as the table scrolls (a 50,000-row push never crosses IPC whole).
import { useCallback, useEffect, useRef, useState } from 'react'
import type { PushResultFilter, PushResultRow } from '../../../../src-main/ipc/contract'
import { call } from '../../api'

const PAGE = 200

export function useResultPages(jobId: string, filter: PushResultFilter, version: number) {
  const key = `${jobId}|${filter}|${version}`
  // the total belongs to one (job, filter, version): a stale one reads as 0 until the first page of the new key arrives
  const [loaded, setLoaded] = useState<{ key: string; total: number; tick: number }>({ key, total: 0, tick: 0 })
  const pages = useRef(new Map<string, PushResultRow[]>())
  const loading = useRef(new Set<string>())

  const load = useCallback(
    (page: number) => {
      const id = `${key}#${page}`
      if (pages.current.has(id) || loading.current.has(id)) return
      loading.current.add(id)
      void call('push.results', { jobId, offset: page * PAGE, limit: PAGE, filter }).then(
        (result) => {
          loading.current.delete(id)
          pages.current.set(id, result.rows)
          setLoaded((s) => ({ key, total: result.total, tick: s.tick + 1 }))
        },
        // the job is gone (app restarted): the table stays empty
        () => loading.current.delete(id)
      )
    },
    [key, jobId, filter]
  )

  useEffect(() => {
    // a new key: forget the old pages, fetch the first page of the new one
    for (const id of [...pages.current.keys()]) if (!id.startsWith(`${key}#`)) pages.current.delete(id)
    load(0)
  }, [key, load])

  const ensure = useCallback(
    (first: number, last: number) => {
      for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) load(p)
    },
    [load]
  )

  const total = loaded.key === key ? loaded.total : 0
  const rowAt = (index: number): PushResultRow | undefined =>
    pages.current.get(`${key}#${Math.floor(index / PAGE)}`)?.[index % PAGE]
  return { total, ensure, rowAt }
}
