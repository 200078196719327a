// The lookup part of prepare behind the contract: choose a second spreadsheet, set/remove a field's lookup, and the
// view's words for it (「從 customers.xlsx 以 手機 對應 Email」) plus the whole-file messages.
import { getSourceLayout } from '../core/sources'
import { validateMapping } from '../core/mapping/automap'
import { describeLookup, lookupColumnName } from '../core/mapping/lookup'
import { fileLevelIssues } from '../core/validation/file-issues'
import type { Target } from '../core/targets/types'
import type { ImportSession } from '../core/workspace/import-session'
import { storeLookupFile } from '../core/workspace/session-lookups'
import type { LookupFileView, LookupView, PrepareView, prepareMethodArgs } from '../ipc/prepare-contract'
import type { z } from 'zod'
import { ServiceError } from './errors'

type Args<M extends keyof typeof prepareMethodArgs> = z.output<(typeof prepareMethodArgs)[M]>

/** The headers of the file itself, without the columns lookups add. */
export function fileHeaders(session: ImportSession): string[] {
  const added = new Set((session.state.lookups ?? []).map(lookupColumnName))
  return session.headers.filter((h) => !added.has(h))
}

/** The view's lookups (with how many rows found a value) and the messages said once per file. */
export function lookupParts(session: ImportSession, target: Target): Pick<PrepareView, 'lookups' | 'fileIssues'> {
  const table = session.editedTable
  const issues = session.preparation?.issues ?? []
  const lookups: LookupView[] = (session.state.lookups ?? []).map((l) => {
    const column = lookupColumnName(l)
    const ci = table.headers.indexOf(column)
    let found = 0
    if (ci >= 0) for (const r of table.rows) if ((r.cells[ci]?.w ?? '') !== '') found++
    const problems = issues.filter((i) => i.field === l.field && i.code.startsWith('lookup_')).length
    return {
      field: l.field,
      fileName: l.fileName,
      keyColumn: l.keyColumn,
      valueColumn: l.valueColumn,
      mainKeyColumn: l.mainKeyColumn,
      column,
      description: describeLookup(l),
      found,
      problems
    }
  })
  const layout = session.state.sourceLayout ? getSourceLayout(session.state.sourceLayout) : undefined
  const lacking = validateMapping(target, session.state.mapping, session.headers)
    .filter((p) => p.code === 'required_unmapped' && p.field)
    .map((p) => p.field as string)
  const fileIssues = fileLevelIssues({ target, mapping: session.state.mapping, lacks: layout?.lacks }, lacking).map(
    (i) => ({ field: i.field, code: i.code, message: i.message, messageZh: i.messageZh })
  )
  for (const e of session.lookupErrors)
    fileIssues.push({ field: e.field, code: 'lookup_unreadable', message: e.en, messageZh: e['zh-TW'] })
  return { lookups, fileIssues }
}

export function lookupMethods(
  get: (prepId: string) => { session: ImportSession; target: Target },
  view: (prepId: string) => PrepareView
) {
  return {
    'prepare.lookupFile': async ({ prepId, name, bytes }: Args<'prepare.lookupFile'>): Promise<LookupFileView> => {
      const { session } = get(prepId)
      const stored = await storeLookupFile(session.state.source.copyPath, name, bytes)
      if (!stored.ok) throw new ServiceError(stored.code, stored.en, name, { en: stored.en, 'zh-TW': stored['zh-TW'] })
      return { fileId: stored.copyName, name, headers: stored.headers }
    },

    'prepare.setLookup': async ({ prepId, field, lookup }: Args<'prepare.setLookup'>): Promise<PrepareView> => {
      const { session, target } = get(prepId)
      if (!target.fields.some((f) => f.key === field))
        throw new ServiceError('bad_field', `“${field}” is not a field of ${target.label.en}.`)
      const problem = await session.setLookup(
        field,
        lookup && {
          field,
          fileName: lookup.name,
          copyName: lookup.fileId,
          keyColumn: lookup.keyColumn,
          valueColumn: lookup.valueColumn,
          mainKeyColumn: lookup.mainKeyColumn
        }
      )
      if (problem)
        throw new ServiceError('bad_lookup', problem.en, lookup?.name, { en: problem.en, 'zh-TW': problem['zh-TW'] })
      return view(prepId)
    }
  }
}
