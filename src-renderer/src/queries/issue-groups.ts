// The review panel's issue groups of one preparation; refreshed with its rows (refreshPrep).
import { useQuery } from '@tanstack/react-query'
import type { IssueGroup } from '../../../src-main/ipc/contract'
import { call } from '../api'
import { keys } from './keys'

const NONE: IssueGroup[] = []

export function useIssueGroups(prepId: string): IssueGroup[] {
  const query = useQuery({
    queryKey: keys.issueGroups(prepId),
    queryFn: async () => (await call('review.issueGroups', { prepId })).groups
  })
  // the groups stay shown while fresh ones are read; a failure shows none
  return query.error ? NONE : (query.data ?? NONE)
}
