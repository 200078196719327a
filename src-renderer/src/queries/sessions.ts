// Saved import sessions for 最近的工作: read whenever the open screen shows them (autosave changes them meanwhile).
import { useQuery } from '@tanstack/react-query'
import type { SessionSummaryView } from '../../../src-main/ipc/contract'
import { call } from '../api'
import { keys } from './keys'
import { mutate } from './mutation'

const NONE: SessionSummaryView[] = []

export function useSessions(): SessionSummaryView[] {
  return useQuery({ queryKey: keys.sessions, queryFn: () => call('sessions.list', {}), staleTime: 0 }).data ?? NONE
}

export const removeSession = (id: string) =>
  mutate({ run: () => call('sessions.remove', { id }), invalidates: () => [keys.sessions] })
