// Review at scale (issue 11 B) behind the contract: the issues panel's groups and fixes, find & replace in a column.
import type { z } from 'zod'
import { duplicatesAfterFirst, groupKey, groupRows, issueGroups, replaceInColumn } from '../core/review/issue-groups'
import { getTarget } from '../core/targets'
import type { PrepareSummary } from '../core/validation/types'
import type { ImportSession } from '../core/workspace/import-session'
import type { PreparePage } from '../ipc/prepare-contract'
import type { ReviewMethodResults, reviewMethodArgs } from '../ipc/review-contract'
import { ServiceError } from './errors'

type Args<M extends keyof typeof reviewMethodArgs> = z.output<(typeof reviewMethodArgs)[M]>
export type ReviewMethods = { [M in keyof ReviewMethodResults]: (args: Args<M>) => Promise<ReviewMethodResults[M]> }

const EMPTY_SUMMARY: PrepareSummary = { rows: 0, valid: 0, invalid: 0, warnings: 0 }

/** A page of one issue group's rows (the grid filtered to a group). */
export function issueGroupPage(session: ImportSession, key: string, offset: number, limit: number): PreparePage {
  const rows = groupRows(session.preparation?.issues ?? [], key)
  return {
    offset,
    total: rows.length,
    rows: session.rowsByNumber(rows.slice(offset, offset + limit)),
    summary: session.summary() ?? EMPTY_SUMMARY
  }
}

export function createReviewServices(deps: { preparations: Map<string, ImportSession> }): ReviewMethods {
  const get = (prepId: string): ImportSession => {
    const session = deps.preparations.get(prepId)
    if (!session?.preparation)
      throw new ServiceError(
        'no_session',
        `This preparation is no longer open (${prepId.slice(0, 8)}). Open the file again.`
      )
    return session
  }
  const summary = (session: ImportSession) => session.summary() ?? EMPTY_SUMMARY

  return {
    'review.issueGroups': async ({ prepId }) => issueGroups(get(prepId).preparation?.issues ?? []),

    'review.fixGroup': async ({ prepId, key, fix }) => {
      const session = get(prepId)
      const issues = session.preparation?.issues ?? []
      const sample = issues.find((i) => groupKey(i) === key)
      if (!sample) return { rows: 0, summary: summary(session) } // already fixed
      const rows = groupRows(issues, key)
      if (fix.kind === 'exclude') {
        session.setExcluded(rows, true)
        return { rows: rows.length, summary: summary(session) }
      }
      if (fix.kind === 'keepFirst') {
        if (!sample.code.startsWith('duplicate_'))
          throw new ServiceError('bad_fix', 'Keeping the first row applies to duplicates only.')
        const target = session.state.target ? getTarget(session.state.target) : undefined
        const rest = duplicatesAfterFirst(issues, key, target?.unique?.ignoreCase === true)
        session.setExcluded(rest, true)
        return { rows: rest.length, summary: summary(session) }
      }
      if (fix.kind === 'set') {
        if (!sample.column || !session.headers.includes(sample.column))
          throw new ServiceError(
            'bad_fix',
            'This problem is not in a column of the sheet; set it in the mapping instead.'
          )
        const changed = session.editCells(rows, sample.column, fix.value)
        return { rows: changed, summary: summary(session) }
      }
      // match: every unmatched value of the group becomes this code
      const target = session.state.target ? getTarget(session.state.target) : undefined
      const def = target?.fields.find((f) => f.key === sample.field)
      if (sample.code !== 'value_unmatched' || def?.type !== 'enum')
        throw new ServiceError('bad_fix', 'Matching a value applies to unmatched values only.')
      if (!(def.enumValues ?? []).includes(fix.match))
        throw new ServiceError(
          'bad_value',
          `“${fix.match}” is not one of ${def.key}'s values: ${(def.enumValues ?? []).join(', ')}.`
        )
      const field = sample.field
      const values = new Set(
        issues
          .filter((i) => i.code === 'value_unmatched' && i.field === field && i.value !== undefined)
          .map((i) => i.value as string)
      )
      const mine: Record<string, string> = Object.assign(
        Object.create(null) as Record<string, string>,
        session.state.valueMatches[field]
      )
      for (const value of values) mine[value] = fix.match
      session.setValueMatches({ ...session.state.valueMatches, [field]: mine })
      return { rows: rows.length, summary: summary(session) }
    },

    'review.findReplace': async ({ prepId, column, find, replace, mode, apply }) => {
      const session = get(prepId)
      const table = session.editedTable
      const col = table.headers.indexOf(column)
      if (col < 0) throw new ServiceError('unknown_column', `No column named “${column}” in this sheet.`)
      const texts = Array.from(table.rows, (r) => ({ row: r.rowNumber, text: r.cells[col]?.w ?? '' }))
      const changes = replaceInColumn(texts, find, replace, mode)
      if (apply && changes.length)
        session.editColumn(
          column,
          changes.map((c) => ({ row: c.row, value: c.next }))
        )
      return { cells: changes.length, applied: apply && changes.length > 0, summary: summary(session) }
    }
  }
}
