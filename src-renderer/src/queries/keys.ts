// Every query key in one place, so a mutation invalidates exactly what it changed (a prefix covers a whole family).
import type { PushOptionsView, PushResultFilter, RowFilter } from '../../../src-main/ipc/contract'

export const keys = {
  profiles: ['profiles'] as const,
  templates: ['templates'] as const,
  sessions: ['sessions'] as const,
  pushJobs: ['push', 'jobs'] as const,
  /** Everything read from one preparation's rows: pages, row numbers, issue groups. */
  prep: (prepId: string) => ['prep', prepId] as const,
  rowPage: (prepId: string, filter: RowFilter, issue: string | null, page: number) =>
    ['prep', prepId, 'rows', filter, issue, page] as const,
  rowNumbers: (prepId: string, filter: RowFilter) => ['prep', prepId, 'rowNumbers', filter] as const,
  issueGroups: (prepId: string) => ['prep', prepId, 'issueGroups'] as const,
  /** Plans (and their previews) of one preparation; ['plan'] alone covers all of them. */
  plans: (prepId?: string) => (prepId ? (['plan', prepId] as const) : (['plan'] as const)),
  plan: (prepId: string, profileId: string, options: PushOptionsView) => ['plan', prepId, profileId, options] as const,
  preview: (prepId: string, profileId: string, options: PushOptionsView) =>
    ['plan', prepId, profileId, options, 'preview'] as const,
  resultPage: (jobId: string, filter: PushResultFilter, page: number) =>
    ['push', 'results', jobId, filter, page] as const,
  results: (jobId: string) => ['push', 'results', jobId] as const,
  pushJob: (jobId: string) => ['push', 'job', jobId] as const,
  flowStatus: (flowId: string) => ['flow', 'status', flowId] as const,
  /** The unfinished multi-file flows on disk. */
  flowList: ['flow', 'list'] as const
}
