// The saved connections: one query serves 連線設定, the push setup's picker, the SHOPLINE picker and the push gate.
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { ProfileListView, ProfileView } from '../../../src-main/ipc/contract'
import { call } from '../api'
import { keys } from './keys'

export const profilesQuery = queryOptions({
  queryKey: keys.profiles,
  queryFn: () => call('profiles.list', {}),
  // read again whenever a screen that lists them opens (a connection test may have started the rehearsal server)
  staleTime: 0
})

export function useProfileList(): ProfileListView | undefined {
  return useQuery(profilesQuery).data
}

/** The built-in Rehearsal profile first, then the user's own (the push setup's order). */
export function rehearsalFirst(profiles: ProfileView[]): ProfileView[] {
  return [...profiles].sort((a, b) => Number(b.builtIn) - Number(a.builtIn))
}

const NONE: ProfileView[] = []
export function useProfiles(): ProfileView[] {
  return useQuery({ ...profilesQuery, select: (list) => rehearsalFirst(list.profiles) }).data ?? NONE
}

/** Profile changes alter the list and what a push plan says (a token saved, a connection removed). */
export const profileChanges = () => [keys.profiles, keys.plans()]
